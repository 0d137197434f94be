import Link from "next/link";
import type { EventArticle } from "@/lib/events/types";

const linkClass =
  "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100";

/** The outlets that ran a syndicated copy of the column's article, each linked to its copy. */
export function AlsoPublishedBy({ copies }: { copies: EventArticle[] }) {
  if (copies.length === 0) return null;
  return (
    <p className="mt-2 text-sm" data-testid="also-published-by">
      <span className="text-stone-700 dark:text-stone-300">Also published by: </span>
      {copies.map((c, i) => {
        const name = c.source?.name ?? "an unknown outlet";
        return (
          <span key={c.id}>
            {i > 0 && ", "}
            {c.url ? (
              <a href={c.url} rel="noopener noreferrer nofollow" className={linkClass}>
                {name}
                <span className="sr-only"> (copy on the outlet&apos;s site)</span> ↗
              </a>
            ) : (
              <Link href={`/articles/${c.id}`} className={linkClass}>
                {name}
              </Link>
            )}
          </span>
        );
      })}
    </p>
  );
}

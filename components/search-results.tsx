import Link from "next/link";
import { joinNames, plural } from "@/lib/events/format";
import { snippetParts } from "@/lib/search/terms";
import type { SearchHit } from "@/lib/search/types";
import { TimeSpan } from "./date-time";

/** The snippet as text with the matched words in <mark>: React escapes every part, nothing is set as HTML. */
export function SearchSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetParts(snippet).map((part, i) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one snippet, in order, never reordered
          <mark key={i} className="rounded bg-yellow-100 px-0.5 text-inherit dark:bg-yellow-900">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one snippet, in order, never reordered
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function SearchResults({ hits, start }: { hits: SearchHit[]; start: number }) {
  return (
    <ol className="space-y-4" aria-label="Search results" start={start}>
      {hits.map((hit) => (
        <li
          key={hit.eventId}
          className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
        >
          <h2 className="text-lg font-semibold leading-snug">
            <Link href={`/events/${hit.eventId}`} className="hover:underline">
              {hit.title}
            </Link>
          </h2>
          {hit.snippet && (
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
              <SearchSnippet snippet={hit.snippet} />
            </p>
          )}
          <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
            {hit.sources.length > 0
              ? joinNames(
                  hit.sources.map((s) => s.name),
                  6,
                )
              : "Unknown outlets"}
          </p>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            {plural(hit.articleCount, "article")} · <TimeSpan first={hit.firstSeenAt} last={hit.lastSeenAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}

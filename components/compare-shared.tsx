import type { Comparison } from "@/lib/compare/schema";
import { outletLookup } from "./compare-outlets";

const MAX_GROUPS = 12;

/** "What everyone reports": claims several outlets share, each with who reported it and how they worded it. */
export function CompareShared({ comparison }: { comparison: Comparison }) {
  const { outlet, nameOfArticle } = outletLookup(comparison);
  const groups = comparison.shared.slice(0, MAX_GROUPS);
  return (
    <section aria-labelledby="shared-title" className="mt-6">
      <h2 id="shared-title" className="text-lg font-semibold">
        What everyone reports
      </h2>
      {groups.length === 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">No claim was found in more than one outlet&apos;s report.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {groups.map((g) => (
            <li key={g.id} className="rounded-lg border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900">
              <p className="font-serif">{g.label}</p>
              <p className="mt-1 text-sm">
                <span className="rounded-full bg-indigo-100 px-2 py-0.5 font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
                  Reported by {g.outletCount} of {comparison.outletCount} outlets
                </span>{" "}
                <span className="text-stone-600 dark:text-stone-400">{g.outletKeys.map((k) => outlet(k)?.name ?? "Unknown outlet").join(", ")}</span>
              </p>
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">How each outlet put it</summary>
                <ul className="mt-1 space-y-1">
                  {g.sentences.map((s) => (
                    <li key={`${s.articleId}-${s.index}`}>
                      <a href={`#article-${s.articleId}`} className="font-semibold hover:underline">
                        {nameOfArticle(s.articleId)}
                      </a>
                      : <span className="font-serif">{s.text}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { Fragment } from "react";
import type { Comparison } from "@/lib/compare/schema";
import { clipSnippet } from "@/lib/events/column-text";
import { outletLookup } from "./compare-outlets";

const MAX_GROUPS = 12;

/** Outlets that put a claim in the very same words are listed together, each wording once. */
function byWording(sentences: { articleId: number; text: string }[]): { text: string; articleIds: number[] }[] {
  const byText = new Map<string, number[]>();
  for (const s of sentences) byText.set(s.text, [...(byText.get(s.text) ?? []), s.articleId]);
  return [...byText].map(([text, articleIds]) => ({ text, articleIds }));
}

/** "What everyone reports": claims several outlets share, each with who reported it and how they worded it. */
export function CompareShared({ comparison }: { comparison: Comparison }) {
  const { outlet, nameOfArticle } = outletLookup(comparison);
  const groups = comparison.shared.slice(0, MAX_GROUPS);
  return (
    <section aria-labelledby="shared-title" className="mt-6">
      <h2 id="shared-title" className="text-lg font-semibold">
        What everyone reports
      </h2>
      {comparison.copies.length > 0 && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Syndicated copies count once, with their original: {comparison.reportingOutletCount} of{" "}
          {comparison.outletCount} outlets reported on their own.
        </p>
      )}
      {groups.length === 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          No claim was found in more than one outlet&apos;s report.
        </p>
      ) : (
        <ol className="mt-2 space-y-3">
          {groups.map((g) => (
            <li
              key={g.id}
              className="rounded-lg border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900"
            >
              <p className="font-serif">{clipSnippet(g.label)}</p>
              <p className="mt-1 text-sm">
                <span className="rounded-full bg-indigo-100 px-2 py-0.5 font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
                  Reported by {g.outletCount} of {comparison.reportingOutletCount} outlets
                </span>{" "}
                <span className="text-stone-600 dark:text-stone-400">
                  {g.outletKeys.map((k) => outlet(k)?.name ?? "Unknown outlet").join(", ")}
                </span>
              </p>
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">
                  How each outlet put it
                </summary>
                <ul className="mt-1 space-y-1">
                  {byWording(g.sentences).map(({ text, articleIds }) => (
                    <li key={articleIds[0]}>
                      {articleIds.map((id, i) => (
                        <Fragment key={id}>
                          {i > 0 && ", "}
                          <a href={`#article-${id}`} className="font-semibold hover:underline">
                            {nameOfArticle(id)}
                          </a>
                        </Fragment>
                      ))}
                      : <span className="font-serif">{clipSnippet(text)}</span>
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

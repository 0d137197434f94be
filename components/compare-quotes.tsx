import type { Comparison, QuoteGroup } from "@/lib/compare/schema";
import { clipDiff, clipSnippet } from "@/lib/events/column-text";
import { CompareWordDiff } from "./compare-word-diff";
import { outletLookup } from "./compare-outlets";

const MAX_QUOTES = 12;

/** Outlets quoting in the very same words (and naming the same speaker) share one line: the diff is the same. */
function sameWording(variants: QuoteGroup["variants"]) {
  const byKey = new Map<string, { variant: QuoteGroup["variants"][number]; articleIds: number[] }>();
  for (const v of variants) {
    const key = `${v.speaker ?? ""}\n${v.text}`;
    const entry = byKey.get(key);
    if (entry) entry.articleIds.push(v.articleId);
    else byKey.set(key, { variant: v, articleIds: [v.articleId] });
  }
  return [...byKey.values()];
}

/** Quotes grouped across outlets, each variant's wording diffed against the reference wording. */
export function CompareQuotes({ comparison }: { comparison: Comparison }) {
  const { nameOfArticle } = outletLookup(comparison);
  // Quotes several outlets carry first; a quote only one outlet has is still listed, after them.
  const quotes = comparison.quotes.slice(0, MAX_QUOTES);
  if (quotes.length === 0) return null;
  return (
    <section aria-labelledby="quotes-title" className="mt-8">
      <h2 id="quotes-title" className="text-lg font-semibold">
        Quotes
      </h2>
      <ol className="mt-2 space-y-3">
        {quotes.map((q) => (
          <li
            key={q.id}
            className="rounded-lg border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900"
          >
            <figure>
              <blockquote className="font-serif">“{clipSnippet(q.text)}”</blockquote>
              <figcaption className="mt-1 text-sm text-stone-700 dark:text-stone-300">
                — {q.speaker ?? "speaker not named"} · quoted by {q.outletCount}{" "}
                {q.outletCount === 1 ? "outlet" : "outlets"}
              </figcaption>
            </figure>
            {q.variants.length > 1 && (
              <ul className="mt-2 space-y-1 text-sm">
                {sameWording(q.variants).map(({ variant: v, articleIds }) => (
                  <li key={`${v.articleId}-${v.sentenceIndex}`}>
                    <span className="font-semibold">{articleIds.map(nameOfArticle).join(", ")}</span>
                    {v.speaker && v.speaker !== q.speaker && (
                      <span className="text-stone-600 dark:text-stone-400"> ({v.speaker})</span>
                    )}
                    :{" "}
                    <span className="font-serif">
                      <CompareWordDiff parts={clipDiff(v.diff)} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { Comparison } from "@/lib/compare/schema";
import { outletLookup } from "./compare-outlets";

/** Neighbouring parts of the same kind as one text: an element per word and gap would only weigh the page down. */
function joinRuns(parts: { text: string; distinct: boolean }[]): { text: string; distinct: boolean }[] {
  const out: { text: string; distinct: boolean }[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.distinct === p.distinct) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Every headline stacked, the words no other headline uses highlighted. */
export function CompareHeadlines({ comparison, order }: { comparison: Comparison; order: number[] }) {
  const { nameOfArticle } = outletLookup(comparison);
  const byId = new Map(comparison.headlines.map((h) => [h.articleId, h]));
  return (
    <section aria-labelledby="headlines-title" className="mt-6">
      <h2 id="headlines-title" className="text-lg font-semibold">
        Headlines
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        <mark className="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50">Highlighted</mark>: words no other
        headline uses.
      </p>
      <ol className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {order.flatMap((id) => {
          const h = byId.get(id);
          if (!h) return [];
          return [
            <li key={id} className="grid gap-x-4 px-4 py-2 text-sm sm:grid-cols-[12rem_1fr]">
              <span className="truncate font-semibold">{nameOfArticle(id)}</span>
              <a href={`#article-${id}`} className="font-medium hover:underline">
                {joinRuns(h.parts).map((p, i) =>
                  p.distinct ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: runs of one headline's text, in order, never reordered
                    <mark key={i} className="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50">
                      {p.text}
                    </mark>
                  ) : (
                    p.text
                  ),
                )}
              </a>
            </li>,
          ];
        })}
      </ol>
    </section>
  );
}

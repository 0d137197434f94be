import type { Comparison } from "@/lib/compare/schema";

const MAX_ENTITIES = 20;
const typeLabel = { person: "Person", place: "Place", organisation: "Organisation" } as const;

/** Who and what each outlet names, and how often: one row per entity, one column per outlet. */
export function CompareEntities({ comparison }: { comparison: Comparison }) {
  const entities = comparison.entities.slice(0, MAX_ENTITIES);
  if (entities.length === 0) return null;
  // Syndicated copies are not counted (they would repeat their original's mentions), so their outlets get no column.
  const reporting = new Set(comparison.articles.map((a) => a.outletKey));
  const outlets = comparison.outlets.filter((o) => reporting.has(o.key));
  return (
    <section aria-labelledby="entities-title" className="mt-8">
      <h2 id="entities-title" className="text-lg font-semibold">
        Entities
      </h2>
      {/* With many outlets the table scrolls sideways; focusable so the keyboard can scroll it too. */}
      <section
        aria-label="Entity mentions per outlet"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region; focusable so the keyboard can scroll it (axe: scrollable-region-focusable)
        tabIndex={0}
        className="mt-2 overflow-x-auto"
      >
        {/* Cell styles set once on the table: a big event has hundreds of cells. */}
        <table className="text-sm [&_td]:px-2 [&_td]:text-right [&_td]:tabular-nums">
          <caption className="text-left text-stone-600 dark:text-stone-400">Mentions per outlet</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                Entity
              </th>
              {outlets.map((o) => (
                <th key={o.key} scope="col" className="px-2 text-right font-semibold">
                  {o.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => {
              const counts = new Map(e.counts.map((c) => [c.outletKey, c.count]));
              return (
                <tr key={e.key} className="border-t border-stone-200 dark:border-stone-800">
                  <th scope="row" className="pr-4 text-left font-normal">
                    {e.name} <span className="text-xs text-stone-600 dark:text-stone-400">{typeLabel[e.type]}</span>
                  </th>
                  {outlets.map((o) => (
                    <td key={o.key}>{counts.get(o.key) ?? 0}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}

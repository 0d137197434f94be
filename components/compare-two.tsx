import type { AlignedRow } from "@/lib/compare/align";
import { MAX_COMPARE_TEXT_CHARS } from "@/lib/compare/build";
import type { EventArticle } from "@/lib/events/types";
import { CompareWordDiff } from "./compare-word-diff";

const label = (a: EventArticle) => `${a.source?.name ?? "Unknown outlet"}: ${a.title}`;

/** "Compare two": a GET form choosing two articles, and their sentences aligned side by side. */
export function CompareTwo({
  articles,
  selected,
  rows,
  keep,
}: {
  articles: EventArticle[];
  selected: { a: EventArticle; b: EventArticle } | null;
  rows: AlignedRow[] | null;
  /** Other query parameters to carry through the form (column filter and order). */
  keep: Record<string, string>;
}) {
  if (articles.length < 2) return null;
  const [first, second] = articles;
  return (
    <section aria-labelledby="compare-two-title" className="mt-8">
      <h2 id="compare-two-title" className="text-lg font-semibold">
        Compare two
      </h2>
      <form method="get" action="#compare-two-title" className="mt-2 flex flex-wrap items-end gap-3 text-sm">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {(["articleA", "articleB"] as const).map((name, i) => (
          <label key={name} className="flex flex-col">
            <span>{i === 0 ? "First article" : "Second article"}</span>
            <select
              name={name}
              defaultValue={String((i === 0 ? selected?.a : selected?.b)?.id ?? (i === 0 ? first.id : second.id))}
              className="max-w-xs rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
            >
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {label(a)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800">
          Compare
        </button>
      </form>
      {selected && rows && (
        <table className="mt-3 w-full table-fixed border-collapse text-sm">
          <caption className="text-left text-stone-600 dark:text-stone-400">
            Sentences that report the same thing side by side; the middle column shows how the wording changes.
            {(selected.a.text.length > MAX_COMPARE_TEXT_CHARS || selected.b.text.length > MAX_COMPARE_TEXT_CHARS) &&
              ` Only the first ${MAX_COMPARE_TEXT_CHARS.toLocaleString("en")} characters of each article are aligned; each article's reader view has the rest.`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="w-1/3 text-left">
                {label(selected.a)}
              </th>
              <th scope="col" className="w-1/3 text-left">
                Difference
              </th>
              <th scope="col" className="w-1/3 text-left">
                {label(selected.b)}
              </th>
            </tr>
          </thead>
          <tbody className="font-serif">
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: aligned rows carry no id; the table is rendered once per request, in order, never reordered
              <tr key={i} className="border-t border-stone-200 align-top dark:border-stone-800">
                <td className="py-1 pr-2">
                  {r.left ?? <span className="font-sans italic text-stone-500">not reported</span>}
                </td>
                <td className="py-1 pr-2">{r.diff ? <CompareWordDiff parts={r.diff} /> : null}</td>
                <td className="py-1">
                  {r.right ?? <span className="font-sans italic text-stone-500">not reported</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

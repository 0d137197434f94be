import type { EventViewQuery } from "@/lib/compare/view-params";
import type { EventArticle, SourceRef } from "@/lib/events/types";

/** Which outlets' columns to show and in what order: a plain GET form, so it works without client JS. */
export function CompareColumnsForm({
  sources,
  query,
  pair,
}: {
  sources: SourceRef[];
  query: EventViewQuery;
  pair: { a: EventArticle; b: EventArticle } | null;
}) {
  const chosen = new Set(query.outlets ?? []);
  return (
    <form method="get" className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {pair && (
        <>
          <input type="hidden" name="articleA" value={pair.a.id} />
          <input type="hidden" name="articleB" value={pair.b.id} />
        </>
      )}
      <fieldset className="flex flex-wrap gap-x-3">
        <legend className="sr-only">Outlets to show</legend>
        {sources.map((s) => (
          <label key={s.domain} className="flex items-center gap-1">
            <input type="checkbox" name="outlets" value={s.domain} defaultChecked={chosen.has(s.domain)} />
            {s.name}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-1">
        Order
        <select
          name="order"
          defaultValue={query.order}
          className="rounded border border-stone-300 bg-white px-1 py-0.5 dark:border-stone-700 dark:bg-stone-900"
        >
          <option value="date">by date</option>
          <option value="outlet">by outlet</option>
        </select>
      </label>
      <button
        type="submit"
        className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        Apply
      </button>
    </form>
  );
}

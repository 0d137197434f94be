import type { SearchParams } from "@/lib/search/schema";

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-900";

/** A GET form: works without JavaScript, and every search is a shareable, subscribable URL. */
export function SearchForm({ params, outlets }: { params: SearchParams; outlets: { name: string; domain: string }[] }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is not a search landmark in older browsers (Safari < 17, Chrome < 118); role="search" on the form is
    <form method="get" action="/search" role="search" className="grid gap-4 sm:grid-cols-[1fr_auto]">
      <label className="block sm:col-span-2">
        <span className="text-sm font-medium">Search events and articles</span>
        <input
          type="search"
          name="q"
          defaultValue={params.q}
          className={fieldClass}
          placeholder="e.g. Witkoff peace plan"
        />
      </label>
      <div className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
        <label className="block">
          <span className="text-sm font-medium">Outlet</span>
          <select name="outlet" defaultValue={params.outlet ?? ""} className={fieldClass}>
            <option value="">Any outlet</option>
            {outlets.map((o) => (
              <option key={o.domain} value={o.domain}>
                {o.name} ({o.domain})
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">From</span>
          <input type="date" name="from" defaultValue={params.from ?? ""} className={fieldClass} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">To</span>
          <input type="date" name="to" defaultValue={params.to ?? ""} className={fieldClass} />
        </label>
      </div>
      <div>
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800">
          Search
        </button>
      </div>
    </form>
  );
}

import type { SourceRef } from "@/lib/events/types";
import { countryName } from "@/lib/events/format";

/** Outlet name with its country, or "Unknown outlet" for articles imported without one. */
export function OutletName({ source, withCountry = true }: { source: SourceRef | null; withCountry?: boolean }) {
  if (!source) return <span className="italic">Unknown outlet</span>;
  const country = withCountry ? countryName(source.country) : null;
  return (
    <span>
      <span className="font-semibold">{source.name}</span>
      {country && <span className="font-normal text-stone-600 dark:text-stone-400"> · {country}</span>}
    </span>
  );
}

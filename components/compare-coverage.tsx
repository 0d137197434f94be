import type { Comparison } from "@/lib/compare/schema";
import { countryName, formatDateTime } from "@/lib/events/format";
import { outletLookup } from "./compare-outlets";

const WIDTH = 640;
const ROW = 22;
const LEFT = 150;
const RIGHT = 20;

function Spread({
  title,
  rows,
  label,
}: {
  title: string;
  rows: { value: string | null; outlets: number }[];
  label: (v: string) => string;
}) {
  return (
    <div>
      <h4 className="text-sm font-semibold">{title}</h4>
      <ul className="mt-1 text-sm">
        {rows.map((r) => (
          <li key={r.value ?? "-"}>
            {r.value === null ? <span className="italic">unknown</span> : label(r.value)}: {r.outlets}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Who covered the event and when: an SVG timeline (with a table for the same data), spread, and who did not. */
export function CompareCoverage({ comparison }: { comparison: Comparison }) {
  const { ofArticle } = outletLookup(comparison);
  // A copy has no column of its own: its row points at its original's.
  const columnOf = new Map(comparison.copies.map((c) => [c.id, c.originalId]));
  const { timeline, byCountry, byKind, byLean, notCoveredBy } = comparison.coverage;
  const dated = timeline.filter((t) => t.publishedAt !== null);
  const times = dated.map((t) => Date.parse(t.publishedAt!));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const x = (t: number) =>
    LEFT + (max === min ? (WIDTH - LEFT - RIGHT) / 2 : ((t - min) / (max - min)) * (WIDTH - LEFT - RIGHT));
  const height = dated.length * ROW + 30;
  return (
    <section aria-labelledby="coverage-overview-title" className="mt-8">
      <h2 id="coverage-overview-title" className="text-lg font-semibold">
        Coverage
      </h2>
      {dated.length > 0 && (
        <svg
          role="img"
          aria-labelledby="timeline-title timeline-desc"
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="mt-2 w-full max-w-3xl text-stone-800 dark:text-stone-200"
        >
          <title id="timeline-title">Publication timeline</title>
          <desc id="timeline-desc">
            {`One dot per article on a time axis from ${formatDateTime(new Date(min))} to ${formatDateTime(new Date(max))}; the table below lists the same times.`}
          </desc>
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={height - 20}
            y2={height - 20}
            stroke="currentColor"
            strokeOpacity="0.4"
          />
          <text x={LEFT} y={height - 4} fontSize="11" fill="currentColor">
            {formatDateTime(new Date(min))}
          </text>
          {max !== min && (
            <text x={WIDTH - RIGHT} y={height - 4} fontSize="11" textAnchor="end" fill="currentColor">
              {formatDateTime(new Date(max))}
            </text>
          )}
          {dated.map((t, i) => (
            <g key={t.articleId}>
              <text x={LEFT - 8} y={i * ROW + 18} fontSize="12" textAnchor="end" fill="currentColor">
                {ofArticle(t.articleId)?.name ?? "Unknown outlet"}
              </text>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={i * ROW + 14}
                y2={i * ROW + 14}
                stroke="currentColor"
                strokeOpacity="0.1"
              />
              <circle
                cx={x(Date.parse(t.publishedAt!))}
                cy={i * ROW + 14}
                r="5"
                className="fill-indigo-600 dark:fill-indigo-400"
              />
            </g>
          ))}
        </svg>
      )}
      <table className="mt-2 text-sm">
        <caption className="text-left text-stone-600 dark:text-stone-400">Publication times (UTC)</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              Outlet
            </th>
            <th scope="col" className="text-left">
              Published
            </th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((t) => (
            <tr key={t.articleId}>
              <td className="pr-4">
                <a href={`#article-${columnOf.get(t.articleId) ?? t.articleId}`} className="hover:underline">
                  {ofArticle(t.articleId)?.name ?? "Unknown outlet"}
                </a>
              </td>
              <td>{t.publishedAt ? formatDateTime(new Date(t.publishedAt)) : "unknown"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <Spread title="By country" rows={byCountry} label={(v) => countryName(v) ?? v} />
        <Spread title="By kind of outlet" rows={byKind} label={(v) => v} />
        <Spread title="By lean" rows={byLean} label={(v) => v} />
      </div>
      {notCoveredBy.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Not covered by</h3>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Outlets that covered related events, or are among the most active, but not this one.
          </p>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {notCoveredBy.map((o) => (
              <li key={o.domain} className="rounded-full border border-stone-300 px-2 py-0.5 dark:border-stone-700">
                {o.name}
                {o.country && <span className="text-stone-600 dark:text-stone-400"> · {countryName(o.country)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

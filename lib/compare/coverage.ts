// Who covered the event, when, and from where: the outlets of an event, its timeline and its spread by country,
// kind and lean. Outlets that did not cover it need the database and are added by cache.ts.
import type { CompareInput, Coverage, Outlet } from "./schema";

export function outletOf(article: CompareInput): Outlet {
  const s = article.source;
  if (!s)
    return {
      key: `article:${article.id}`,
      name: "Unknown outlet",
      domain: null,
      country: null,
      kind: null,
      lean: null,
    };
  return {
    key: `source:${s.domain}`,
    name: s.name,
    domain: s.domain,
    country: s.country,
    kind: s.kind ?? null,
    lean: s.lean ?? null,
  };
}

function spread(outlets: readonly Outlet[], field: "country" | "kind" | "lean") {
  const counts = new Map<string | null, number>();
  for (const o of outlets) counts.set(o[field], (counts.get(o[field]) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => ({ value, outlets: n }))
    .sort((a, b) => b.outlets - a.outlets || (a.value ?? "\uffff").localeCompare(b.value ?? "\uffff"));
}

/** ISO times compare as strings; undated articles go last. */
function byTime(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function computeCoverage(articles: readonly CompareInput[], outlets: readonly Outlet[]): Coverage {
  const timeline = articles
    .map((a) => ({ articleId: a.id, outletKey: outletOf(a).key, publishedAt: a.publishedAt?.toISOString() ?? null }))
    .sort((a, b) => byTime(a.publishedAt, b.publishedAt) || a.articleId - b.articleId);
  return {
    timeline,
    byCountry: spread(outlets, "country"),
    byKind: spread(outlets, "kind"),
    byLean: spread(outlets, "lean"),
    notCoveredBy: [],
  };
}

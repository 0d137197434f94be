import type { Comparison, Outlet } from "@/lib/compare/schema";

/** Lookups shared by the comparison sections: an outlet by key, an article's (or a syndicated copy's) outlet. */
export function outletLookup(comparison: Comparison) {
  const byKey = new Map<string, Outlet>(comparison.outlets.map((o) => [o.key, o]));
  const articleOutlet = new Map(
    [...comparison.articles, ...comparison.copies].map((a) => [a.id, byKey.get(a.outletKey)!]),
  );
  return {
    outlet: (key: string) => byKey.get(key),
    ofArticle: (articleId: number) => articleOutlet.get(articleId),
    nameOfArticle: (articleId: number) => articleOutlet.get(articleId)?.name ?? "Unknown outlet",
  };
}

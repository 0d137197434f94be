// The event page's query string: which outlets' columns to show and in what order, and which two articles to
// compare. Anything malformed falls back to the default rather than failing the page.
import { z } from "zod";

const articleId = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number)
  .optional()
  .catch(undefined);

export const eventViewQuerySchema = z.object({
  /** Comma-separated outlet domains; empty or absent means every outlet. */
  outlets: z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter((d) => /^[a-z0-9.-]{1,253}$/.test(d)),
    )
    .optional()
    .catch(undefined),
  order: z.enum(["date", "outlet"]).default("date").catch("date"),
  articleA: articleId,
  articleB: articleId,
});
export type EventViewQuery = z.infer<typeof eventViewQuerySchema>;

/**
 * Next hands a repeated parameter over as an array: repeated `outlets` (one per ticked checkbox) are joined, of
 * anything else the first value counts.
 */
export function parseEventViewQuery(params: Record<string, string | string[] | undefined>): EventViewQuery {
  const flat = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? (k === "outlets" ? v.join(",") : v[0]) : v]),
  );
  return eventViewQuerySchema.parse(flat);
}

/**
 * Filters and orders articles for the columns: by outlet domain when asked, else as given (oldest first).
 * `alsoFrom` names further outlets a column stands for (those of its syndicated copies), so asking for an outlet
 * that only ran a copy shows the original's column.
 */
export function selectColumns<T extends { id: number; source: { name: string; domain: string } | null }>(
  articles: readonly T[],
  query: Pick<EventViewQuery, "outlets" | "order">,
  alsoFrom: (article: T) => readonly string[] = () => [],
): T[] {
  const wanted = query.outlets && query.outlets.length > 0 ? new Set(query.outlets) : null;
  const kept = wanted
    ? articles.filter((a) => (a.source && wanted.has(a.source.domain)) || alsoFrom(a).some((d) => wanted.has(d)))
    : [...articles];
  if (query.order === "outlet") {
    kept.sort(
      (a, b) =>
        (a.source?.name ?? "\uffff").localeCompare(b.source?.name ?? "\uffff", "en", { sensitivity: "base" }) ||
        a.id - b.id,
    );
  }
  return kept;
}

// The search page's and the search feed's query string. Every field is optional or defaulted so that a
// hand-edited URL degrades to "no filter" rather than an error page; only a malformed page number is clamped.
import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalText = (max: number) =>
  z.preprocess((v) => {
    const s = first(v);
    if (typeof s !== "string") return undefined;
    const t = s.trim();
    return t === "" ? undefined : t.slice(0, max);
  }, z.string().optional());

// yyyy-mm-dd from <input type="date">; anything else is ignored rather than rejected.
const day = z.preprocess((v) => {
  const s = first(v);
  return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
    ? s
    : undefined;
}, z.string().optional());

export const searchParamsSchema = z.object({
  q: z.preprocess((v) => (typeof first(v) === "string" ? String(first(v)).slice(0, 500) : ""), z.string()),
  outlet: optionalText(253).pipe(
    z
      .string()
      .transform((s) => s.toLowerCase().replace(/^www\./, ""))
      .optional(),
  ),
  tag: optionalText(100),
  from: day,
  to: day,
  page: z.preprocess((v) => {
    const n = Number(first(v));
    return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
  }, z.number().int()),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** Date bounds for the index: `from` at the start of its UTC day, `to` at the end of its. */
export function dateBounds(params: Pick<SearchParams, "from" | "to">): { from?: Date; to?: Date } {
  return {
    from: params.from ? new Date(`${params.from}T00:00:00.000Z`) : undefined,
    to: params.to ? new Date(`${params.to}T23:59:59.999Z`) : undefined,
  };
}

/** The query string for a search (page, feed), without empty fields. */
export function searchQueryString(params: Partial<Omit<SearchParams, "page">> & { page?: number }): string {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.outlet) out.set("outlet", params.outlet);
  if (params.tag) out.set("tag", params.tag);
  if (params.from) out.set("from", params.from);
  if (params.to) out.set("to", params.to);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  return out.toString();
}

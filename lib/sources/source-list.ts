// The sources file format: what `sources:import` reads, `sources:export` writes and the default list is made of.
// An array of outlets, each with its feeds. Entries from known-outlets.json (one `feed`, aliases...) are accepted
// too, so a user can copy from the catalogue.
import { z } from "zod";
import { plainText, urlText } from "@/lib/text/safe-text";

// The same checks as the editors' forms (lib/source-admin/schema.ts): an imported list is another way in.
const httpUrl = urlText("").pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

export const SourceEntrySchema = z
  .object({
    name: plainText("").min(1),
    /** Host without "www.", e.g. "theguardian.com"; the identity of an outlet. */
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .transform((d) => d.replace(/^www\./, ""))
      .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a host name such as example.com")),
    homepage: httpUrl.nullish(),
    feeds: z.array(httpUrl).optional(),
    /** The catalogue's single-feed spelling. */
    feed: httpUrl.nullish(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code such as GB")
      .nullish(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, "must be an ISO 639-1 code such as en")
      .nullish(),
    kind: z
      .enum(["wire", "public-broadcaster", "state", "national", "regional", "independent", "aggregator", "tabloid"])
      .nullish(),
    lean: z.enum(["left", "lean-left", "center", "lean-right", "right"]).nullish(),
    /** Who owns the outlet, as an editor wrote it on /editor/sources. */
    ownership: plainText("").max(200, "must be at most 200 characters").nullish(),
    /** false: the outlet's feeds are not polled. OPML carries it as the text "true" or "false". */
    enabled: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
  })
  .transform(({ feed, feeds, ...rest }) => ({
    ...rest,
    feeds: [...new Set([...(feeds ?? []), ...(feed ? [feed] : [])])],
  }));

export type SourceEntry = z.output<typeof SourceEntrySchema>;

export const SourceListSchema = z.array(SourceEntrySchema);

/** Validates a parsed JSON value; throws one readable line per problem, naming the entry. */
export function parseSourceList(value: unknown): SourceEntry[] {
  const result = SourceListSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => {
    const [index, ...rest] = issue.path;
    const entry =
      Array.isArray(value) && typeof index === "number"
        ? (value[index] as { domain?: unknown; name?: unknown })
        : undefined;
    const label =
      typeof index === "number"
        ? `entry ${index + 1}${entry?.domain ? ` (${String(entry.domain)})` : entry?.name ? ` (${String(entry.name)})` : ""}`
        : "file";
    return `  ${label}${rest.length ? ` ${rest.join(".")}` : ""}: ${issue.message}`;
  });
  throw new Error(`Invalid sources list:\n${lines.join("\n")}`);
}

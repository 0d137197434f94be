// The JSON contract of an event's comparison: what lib/compare/build.ts computes, what the cache stores and what
// GET /api/events/[id]/comparison returns. Cached JSON is parsed through it on the way out, so a cache row
// written by an older build fails loudly instead of rendering garbage.
import { z } from "zod";

/** Bumped whenever the algorithm's output changes, so every cached comparison is rebuilt. */
export const COMPARISON_FORMAT = 2;

const iso = z.iso.datetime().nullable();

export const outletSchema = z.object({
  /** `source:<domain>`, or `article:<id>` for an article without a known outlet (it counts as an outlet of its own). */
  key: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  kind: z.string().nullable(),
  lean: z.string().nullable(),
});
export type Outlet = z.infer<typeof outletSchema>;

export const sentenceRefSchema = z.object({
  articleId: z.number().int(),
  index: z.number().int().nonnegative(),
  text: z.string(),
});
export type SentenceRef = z.infer<typeof sentenceRefSchema>;

export const articleSentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
  /** The shared group this sentence belongs to, null when no other outlet reported it. */
  groupId: z.string().nullable(),
  /** A substantive sentence no other outlet reported. */
  unique: z.boolean(),
});

export const comparedArticleSchema = z.object({
  id: z.number().int(),
  outletKey: z.string(),
  title: z.string(),
  publishedAt: iso,
  sentences: z.array(articleSentenceSchema),
});
export type ComparedArticle = z.infer<typeof comparedArticleSchema>;

export const sharedGroupSchema = z.object({
  id: z.string(),
  /** The most central sentence of the group. */
  label: z.string(),
  outletCount: z.number().int().positive(),
  outletKeys: z.array(z.string()),
  sentences: z.array(sentenceRefSchema),
});
export type SharedGroup = z.infer<typeof sharedGroupSchema>;

export const diffPartSchema = z.object({ op: z.enum(["same", "ins", "del"]), text: z.string() });
export type DiffPart = z.infer<typeof diffPartSchema>;

export const quoteVariantSchema = z.object({
  articleId: z.number().int(),
  sentenceIndex: z.number().int().nonnegative(),
  text: z.string(),
  speaker: z.string().nullable(),
  /** Word diff from the group's reference wording to this one. */
  diff: z.array(diffPartSchema),
});

export const quoteGroupSchema = z.object({
  id: z.string(),
  speaker: z.string().nullable(),
  /** The reference wording: the variant closest to all others. */
  text: z.string(),
  outletCount: z.number().int().positive(),
  variants: z.array(quoteVariantSchema),
});
export type QuoteGroup = z.infer<typeof quoteGroupSchema>;

export const headlineSchema = z.object({
  articleId: z.number().int(),
  /** The headline cut into words and the gaps between them; `distinct` marks words no other headline uses. */
  parts: z.array(z.object({ text: z.string(), distinct: z.boolean() })),
});
export type Headline = z.infer<typeof headlineSchema>;

const spreadSchema = z.array(z.object({ value: z.string().nullable(), outlets: z.number().int().positive() }));

export const coverageSchema = z.object({
  timeline: z.array(z.object({ articleId: z.number().int(), outletKey: z.string(), publishedAt: iso })),
  byCountry: spreadSchema,
  byKind: spreadSchema,
  byLean: spreadSchema,
  /** Outlets that covered related events (or are the most active) but not this one; filled from the database. */
  notCoveredBy: z.array(
    z.object({ name: z.string(), domain: z.string(), country: z.string().nullable(), articles: z.number().int() }),
  ),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const entitySchema = z.object({
  key: z.string(),
  name: z.string(),
  type: z.enum(["person", "place", "organisation"]),
  total: z.number().int().positive(),
  counts: z.array(z.object({ outletKey: z.string(), count: z.number().int().positive() })),
});
export type Entity = z.infer<typeof entitySchema>;

/**
 * A syndicated copy (Article.duplicateOfId) of another article of the same event. Its outlet covered the event,
 * so it counts in `outlets`, the timeline and the spread, but it is the original's reporting, not a report of its
 * own: it gets no column, and no claim, quote or entity counts it again.
 */
export const syndicatedCopySchema = z.object({
  id: z.number().int(),
  originalId: z.number().int(),
  outletKey: z.string(),
  title: z.string(),
  publishedAt: iso,
});
export type SyndicatedCopy = z.infer<typeof syndicatedCopySchema>;

export const comparisonSchema = z.object({
  format: z.literal(COMPARISON_FORMAT),
  /** Every outlet that covered the event, syndicated copies included. */
  outletCount: z.number().int().nonnegative(),
  /** Outlets with reporting of their own (at least one article that is not a copy): the M of "reported by N of M". */
  reportingOutletCount: z.number().int().nonnegative(),
  outlets: z.array(outletSchema),
  /** The independent reports: every article of the event except syndicated copies. */
  articles: z.array(comparedArticleSchema),
  copies: z.array(syndicatedCopySchema),
  /** Claims reported by at least two outlets, most widely reported first. */
  shared: z.array(sharedGroupSchema),
  quotes: z.array(quoteGroupSchema),
  headlines: z.array(headlineSchema),
  coverage: coverageSchema,
  entities: z.array(entitySchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** The comparison as served by the API, with its cache metadata. */
export const comparisonResponseSchema = z.object({
  eventId: z.number().int().positive(),
  version: z.string(),
  computedAt: z.iso.datetime(),
  comparison: comparisonSchema,
});
export type ComparisonResponse = z.infer<typeof comparisonResponseSchema>;

/** What buildComparison needs of an article. */
export interface CompareInput {
  id: number;
  title: string;
  text: string;
  publishedAt: Date | null;
  byline: string | null;
  /** The original this article is a syndicated copy of, if any. */
  duplicateOfId?: number | null;
  source: { name: string; domain: string; country: string | null; kind?: string | null; lean?: string | null } | null;
}

// The shapes the property tests hold results to. ExtractedArticle has no zod schema in lib (it is built, not
// parsed), so its contract, as lib/extract/types.ts documents it, is written down here.
import { z } from "zod";

const httpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), "an http(s) URL");
const validDate = z.date().refine((d) => !Number.isNaN(d.getTime()), "a valid date");

export const extractedArticleSchema = z.strictObject({
  title: z.string(),
  source: z.strictObject({ name: z.string().min(1), domain: z.string().min(1) }).nullable(),
  byline: z.string().nullable(),
  publishedAt: validDate.nullable(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable(),
  url: z.string().nullable(),
  text: z.string().refine((t) => t.trim().length > 0, "non-empty text"),
  html: z.string(),
});

export const extractionSchema = z.object({
  article: extractedArticleSchema,
  format: z.enum(["html", "txt"]),
  content: z.instanceof(Buffer),
});

const feedItemSchema = z.strictObject({
  guid: z.string().min(1),
  url: httpUrl,
  title: z.string(),
  publishedAt: validDate.nullable(),
  author: z.string().nullable(),
  contentHtml: z.string().nullable(),
  summary: z.string().nullable(),
});

export const parsedFeedSchema = z.object({
  format: z.enum(["rss", "atom", "json"]),
  title: z.string().nullable(),
  link: z.string().nullable(),
  ttlMinutes: z.number().int().positive().optional(),
  skipHours: z.array(z.number().int().min(0).max(23)).optional(),
  items: z.array(feedItemSchema),
  skipped: z.array(z.object({ reason: z.string(), ref: z.string().optional() })),
});

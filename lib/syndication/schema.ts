// Route parameters of app/feeds/**: "<name>.<format>" segments.
import { z } from "zod";
import type { FeedFormat } from "./types";

const format = z.enum(["rss", "atom", "json"]) satisfies z.ZodType<FeedFormat>;

/** /feeds/top.rss, /feeds/search.json */
export const namedFeedParamsSchema = z.object({
  feed: z
    .string()
    .regex(/^(top|search)\.(rss|atom|json)$/)
    .transform((s) => {
      const [name, ext] = s.split(".");
      return { name: name as "top" | "search", format: format.parse(ext) };
    }),
});

/** /feeds/events/12.atom */
export const eventFeedParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}\.(rss|atom|json)$/)
    .transform((s) => {
      const [id, ext] = s.split(".");
      return { id: Number(id), format: format.parse(ext) };
    })
    .refine((v) => v.id <= 2_147_483_647, "id out of range"),
});

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed escapes then fail the pattern below
  }
}

/** /feeds/sources/bbc.co.uk.rss: the format is the last dot-part, the domain everything before it. */
export const sourceFeedParamsSchema = z.object({
  domain: z
    .string()
    .transform((s) => safeDecode(s).toLowerCase())
    .pipe(
      z
        .string()
        .regex(/^([a-z0-9-]+\.)+[a-z0-9-]+\.(rss|atom|json)$/)
        .max(260),
    )
    .transform((s) => {
      const dot = s.lastIndexOf(".");
      return { domain: s.slice(0, dot), format: format.parse(s.slice(dot + 1)) };
    }),
});

/** /feeds/tags/peace-talks.rss: a slug as lib/tags/schema.ts slugify() makes them (letters, digits, hyphens). */
export const tagFeedParamsSchema = z.object({
  slug: z
    .string()
    .transform((s) => safeDecode(s).normalize("NFC"))
    .pipe(
      z
        .string()
        .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*\.(rss|atom|json)$/u)
        .max(100),
    )
    .transform((s) => {
      const dot = s.lastIndexOf(".");
      return { slug: s.slice(0, dot), format: format.parse(s.slice(dot + 1)) };
    }),
});

// The JSON contract of /api/events and /api/events/[id], plus the inputs those routes and pages accept.
// Responses are parsed through these schemas before they leave the server, so the contract cannot drift.
import { z } from "zod";
import { idParamsSchema } from "@/lib/http/schema";

export const eventParamsSchema = idParamsSchema;
export const articleParamsSchema = idParamsSchema;

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

/** Query string of GET /api/events. Unknown keys are ignored (cache busters and the like). */
export const listEventsQuerySchema = z.object({
  limit: whole(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: whole(0, Number.MAX_SAFE_INTEGER).default(0),
});
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

/** Query string of the home page: `?page=2`; anything unparseable falls back to the first page. */
export const homeQuerySchema = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,6}$/)
    .transform(Number)
    .catch(1)
    .default(1),
});

export const sourceJsonSchema = z.object({
  name: z.string(),
  domain: z.string(),
  country: z.string().nullable(),
});
export type SourceJson = z.infer<typeof sourceJsonSchema>;

export const eventJsonSchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  summary: z.string().nullable(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  articleCount: z.number().int().nonnegative(),
  sourceCount: z.number().int().nonnegative(),
  sources: z.array(sourceJsonSchema),
  /** Path of the event's page on this site. */
  url: z.string().startsWith("/events/"),
});
export type EventJson = z.infer<typeof eventJsonSchema>;

export const eventArticleJsonSchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  byline: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  language: z.string().nullable(),
  /** The original article; null for articles imported from files without a known URL. */
  url: z.string().nullable(),
  source: sourceJsonSchema.nullable(),
  text: z.string(),
});
export type EventArticleJson = z.infer<typeof eventArticleJsonSchema>;

export const eventDetailJsonSchema = eventJsonSchema.extend({
  articles: z.array(eventArticleJsonSchema),
});
export type EventDetailJson = z.infer<typeof eventDetailJsonSchema>;

export const eventListJsonSchema = z.object({
  events: z.array(eventJsonSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_LIMIT),
  offset: z.number().int().nonnegative(),
});
export type EventListJson = z.infer<typeof eventListJsonSchema>;

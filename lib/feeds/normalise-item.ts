// Every format's items pass through here, so that what leaves the parser is always a valid FeedItem or a
// recorded reason why not.
import { z } from "zod";
import { collapse, decodeBasicEntities, htmlToPlainText } from "./text";
import type { FeedItem } from "./types";

/** An item as the format-specific code found it: loosely typed, nothing trusted yet. */
export interface RawItem {
  guid?: unknown;
  link?: unknown;
  title?: unknown;
  date?: unknown;
  author?: unknown;
  contentHtml?: unknown;
  /** Plain text or HTML; reduced to plain text here. */
  summary?: unknown;
}

const MAX_URL = 2048;

const httpUrl = z
  .string()
  .max(MAX_URL, "URL too long")
  .refine((u) => /^https?:$/.test(new URL(u).protocol), "URL is not http(s)");

export const feedItemSchema = z.object({
  guid: z.string().min(1, "empty guid").max(MAX_URL, "guid too long"),
  url: httpUrl,
  title: z.string().max(1000, "title too long"),
  publishedAt: z.date().nullable(),
  author: z.string().max(500).nullable(),
  contentHtml: z.string().nullable(),
  summary: z.string().nullable(),
});

function str(v: unknown): string | null {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t ? t : null;
}

/** A link from the feed made absolute against the feed's own URL; null when absent or not a URL at all. */
export function resolveUrl(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

function parseDate(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

const isHttp = (u: string | null): u is string => !!u && /^https?:\/\//i.test(u);

export type NormaliseResult = { ok: true; item: FeedItem } | { ok: false; reason: string; ref?: string };

export function normaliseItem(raw: RawItem, baseUrl: string): NormaliseResult {
  const guid = str(raw.guid);
  const link = str(raw.link);
  const ref = link ?? guid ?? str(raw.title) ?? undefined;

  // RSS guids are permalinks unless told otherwise, so a link-less item can still be fetched by its guid.
  let url = resolveUrl(link, baseUrl);
  if (!isHttp(url) && isHttp(guid)) url = guid;
  if (!url) return { ok: false, reason: link ? `unusable link "${link.slice(0, 200)}"` : "item has no link", ref };

  const summaryRaw = str(raw.summary);
  const candidate = {
    guid: guid ?? url,
    url,
    // Titles are plain text by spec but often arrive entity-escaped once more (Atom type="html", sloppy RSS).
    title: collapse(decodeBasicEntities(str(raw.title) ?? "")),
    publishedAt: parseDate(raw.date),
    author: str(raw.author),
    contentHtml: str(raw.contentHtml),
    summary: summaryRaw ? htmlToPlainText(summaryRaw) || null : null,
  };
  const parsed = feedItemSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join(".") || "item"}: ${issue.message}`, ref };
  }
  return { ok: true, item: parsed.data };
}

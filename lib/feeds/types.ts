// What a parsed feed looks like to the rest of Parallax, whatever format it came in.

export interface FeedItem {
  /** Stable identity within the feed: guid/id, else the URL. */
  guid: string;
  /** Absolute http(s) URL of the article, resolved against the feed URL. */
  url: string;
  title: string;
  publishedAt: Date | null;
  author: string | null;
  /** Full or partial body as the feed gives it (HTML, unsanitised: sanitise before rendering). */
  contentHtml: string | null;
  /** Plain-text teaser. */
  summary: string | null;
}

export interface SkippedItem {
  reason: string;
  /** Whatever identified the item, for the log. */
  ref?: string;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "json";
  title: string | null;
  link: string | null;
  /** RSS <ttl>: how long the publisher says the feed may be cached. */
  ttlMinutes?: number;
  /** RSS <skipHours>: UTC hours (0-23) in which the publisher asks not to be polled. */
  skipHours?: number[];
  items: FeedItem[];
  skipped: SkippedItem[];
}

export type FeedParseFailure = "too-large" | "entity-declaration" | "malformed" | "unknown-format";

export class FeedParseError extends Error {
  readonly reason: FeedParseFailure;
  constructor(reason: FeedParseFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "FeedParseError";
    this.reason = reason;
  }
}

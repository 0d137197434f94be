// A feed before serialisation. One model, three renderers (render.ts): a new kind of feed (tags, say) is one
// more loader in data.ts producing a FeedDoc, with nothing to change in the formats.

export interface FeedOutlet {
  name: string;
  domain: string;
}

export interface FeedItem {
  /** Stable GUID: a tag: URI. */
  id: string;
  /** Absolute URL of the Parallax page for the item. */
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Plain-text paragraphs for the body; rendered as escaped HTML in the formats that take HTML. */
  content: string[];
  outlets: FeedOutlet[];
  /** Author credit (byline or outlet), if any. */
  author?: string;
  published: Date;
  updated: Date;
}

export interface FeedDoc {
  /** Stable feed id: a tag: URI. */
  id: string;
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  homeUrl: string;
  /** Absolute URLs of the feed in each format, for self links. */
  feedUrls: Record<FeedFormat, string>;
  /** When anything in the feed last changed: Last-Modified and the feed-level dates. */
  updated: Date;
  items: FeedItem[];
}

export type FeedFormat = "rss" | "atom" | "json";

export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

// Feed URLs (app paths), shared by the route handlers, the autodiscovery links and the subscribe buttons.
import { searchQueryString, type SearchParams } from "@/lib/search/schema";
import type { FeedFormat } from "./types";

export type FeedTarget =
  | { kind: "top" }
  | { kind: "event"; id: number }
  | { kind: "source"; domain: string }
  | { kind: "tag"; slug: string }
  | { kind: "search"; params: Partial<Omit<SearchParams, "page">> };

export function feedPath(target: FeedTarget, format: FeedFormat): string {
  switch (target.kind) {
    case "top":
      return `/feeds/top.${format}`;
    case "event":
      return `/feeds/events/${target.id}.${format}`;
    case "source":
      return `/feeds/sources/${encodeURIComponent(target.domain)}.${format}`;
    case "tag":
      return `/feeds/tags/${encodeURIComponent(target.slug)}.${format}`;
    case "search": {
      const qs = searchQueryString(target.params);
      return `/feeds/search.${format}${qs ? `?${qs}` : ""}`;
    }
  }
}

export function feedPaths(target: FeedTarget): Record<FeedFormat, string> {
  return { rss: feedPath(target, "rss"), atom: feedPath(target, "atom"), json: feedPath(target, "json") };
}

export const FEED_LABELS: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };

/** The OPML list of every tag's feed. */
export const TAGS_OPML_PATH = "/feeds/tags.opml";

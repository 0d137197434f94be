// Feed autodiscovery: given a site's page, find its feeds. First what the page itself announces
// (<link rel="alternate" type="application/rss+xml" href="...">), else the paths feed software usually serves
// (WordPress /feed, Hugo /index.xml, Blogger /feeds/posts/default...), kept only when they really parse as feeds.
import { load } from "cheerio";
import { safeFetch, type SafeFetchOptions } from "@/lib/net/fetch";
import { parseFeed, type ParsedFeed } from "./parse";

export const FEED_LINK_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
]);
export const COMMON_FEED_PATHS = [
  "/feed",
  "/rss",
  "/rss.xml",
  "/atom.xml",
  "/feed.xml",
  "/index.xml",
  "/feeds/posts/default",
];

export type DiscoverOptions = Omit<SafeFetchOptions, "etag" | "lastModified" | "accept">;

const PAGE_ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,*/*;q=0.5";
const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** Parses a fetched body as a feed, or null when it is not one. */
export async function tryParseFeed(body: string, url: string): Promise<ParsedFeed | null> {
  try {
    return await parseFeed(body, url);
  } catch {
    return null;
  }
}

/** Feed URLs announced by <link rel="alternate"> in an HTML page, absolute, in document order, without repeats. */
export function feedLinksInHtml(html: string, pageUrl: string): string[] {
  const $ = load(html);
  let base = pageUrl;
  const baseHref = $("base[href]").first().attr("href");
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const out: string[] = [];
  $("link[href]").each((_, el) => {
    const rel = ($(el).attr("rel") ?? "").toLowerCase().split(/\s+/);
    const type = ($(el).attr("type") ?? "").toLowerCase().split(";")[0].trim();
    if (!rel.includes("alternate") || !FEED_LINK_TYPES.has(type)) return;
    try {
      const url = new URL($(el).attr("href")!.trim(), base);
      if ((url.protocol === "http:" || url.protocol === "https:") && !out.includes(url.href)) out.push(url.href);
    } catch {
      // A malformed href announces nothing.
    }
  });
  return out;
}

/**
 * The feeds of a page: [the URL itself] when it is already a feed, else the announced feeds, else the common
 * paths that answer with a real feed. Every fetch goes through safeFetch (SSRF guard). Empty when nothing is found.
 */
export async function discoverFeeds(pageUrl: string, fetchOpts: DiscoverOptions = {}): Promise<string[]> {
  const page = await safeFetch(pageUrl, { ...fetchOpts, accept: PAGE_ACCEPT });
  const body = page.text();
  const contentType = (page.headers["content-type"] ?? "").toLowerCase();
  if (!contentType.includes("html") && (await tryParseFeed(body, page.url))) return [page.url];

  const announced =
    contentType.includes("html") || /<html[\s>]/i.test(body.slice(0, 4096)) ? feedLinksInHtml(body, page.url) : [];
  if (announced.length) return announced;

  const found: string[] = [];
  const origin = new URL(page.url).origin;
  // One at a time: these all hit the same host, and most of them will be 404s.
  for (const path of COMMON_FEED_PATHS) {
    try {
      const probe = await safeFetch(origin + path, { ...fetchOpts, accept: FEED_ACCEPT });
      if (!found.includes(probe.url) && (await tryParseFeed(probe.text(), probe.url))) found.push(probe.url);
    } catch {
      // 404, timeout, blocked redirect: not a feed.
    }
  }
  return found;
}

// Fetching and parsing one feed, shared by the scheduler's poll (poll.ts) and the operator's `npm run feeds:check`,
// so that a feed the check accepts is fetched (SSRF guard on every hop, limits, charset) and parsed the same way.
import { readFile, stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { decodeText } from "@/lib/net/charset";
import { type FetchResult, safeFetch, type SafeFetchOptions } from "@/lib/net/fetch";
import { MAX_FEED_CHARS, parseFeed } from "./parse";
import type { ParsedFeed } from "./types";

export const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

export interface FetchedFeed {
  fetched: FetchResult;
  /** Null when the server answered 304 Not Modified to the validators passed in. */
  parsed: ParsedFeed | null;
}

/** Throws FetchError (network, SSRF guard, HTTP status, limits) or FeedParseError. */
export async function fetchFeed(url: string, opts: SafeFetchOptions = {}): Promise<FetchedFeed> {
  const fetched = await safeFetch(url, { accept: FEED_ACCEPT, ...opts });
  return { fetched, parsed: fetched.notModified ? null : await parseFeed(fetched.text(), fetched.url) };
}

/**
 * A feed saved to a file, decoded as a fetched one without a Content-Type (BOM, then the document's declaration).
 * Regular files only, under the parser's size limit: a device or a FIFO would never end.
 */
export async function readFeedFile(file: string): Promise<ParsedFeed> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new Error(`no such file: ${file}`);
  if (!info.isFile()) throw new Error(`not a regular file: ${file}`);
  if (info.size > MAX_FEED_CHARS) throw new Error(`${file} is ${info.size} bytes, over the ${MAX_FEED_CHARS} limit`);
  // Relative item links resolve against file:// and are then refused as not http(s), item by item.
  return parseFeed(decodeText(await readFile(file)), pathToFileURL(file).href);
}

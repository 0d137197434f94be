// Adds one feed by URL: a feed URL is taken as it is, a site URL is autodiscovered. The feed is filed under
// --source's outlet, else under the outlet of the site it was found from.
import type { Db, Tx } from "@/lib/db";
import { discoverFeeds, tryParseFeed, type DiscoverOptions } from "@/lib/feeds/discover";
import { safeFetch } from "@/lib/net/fetch";
import { sourceDomainFor } from "./domain";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";
import { upsertSource } from "./mutations";

export interface AddFeedOptions extends DiscoverOptions {
  /** Domain of the outlet to file the feed under; created if missing. */
  source?: string;
}

export interface AddFeedResult {
  feed: { id: number; url: string; title: string | null; sourceId: number | null };
  created: boolean;
  /** Further feeds the page announced that were not added. */
  others: string[];
}

export class AddFeedError extends Error {
  override name = "AddFeedError";
}

export async function addFeed(db: Db, url: string, opts: AddFeedOptions = {}): Promise<AddFeedResult> {
  const { source, ...fetchOpts } = opts;
  return storeFeed(db, await findFeed(url, fetchOpts), source);
}

/** A feed found on the web, checked to parse, not yet stored. */
export interface FoundFeed {
  /** The URL the user gave. */
  requested: string;
  /** The feed's final URL (after redirects). */
  url: string;
  title: string | null;
  /** The site the feed says it belongs to. */
  link: string | null;
  others: string[];
}

/** The network half of adding a feed: discovery and one checked fetch. Writes nothing. */
export async function findFeed(url: string, opts: DiscoverOptions = {}): Promise<FoundFeed> {
  const candidates = await discoverFeeds(url, opts);
  if (candidates.length === 0)
    throw new AddFeedError(`no feed found at ${url} (no <link rel="alternate"> and none of the usual feed paths)`);
  const [feedUrl, ...others] = candidates;
  // Announced feeds are only claims; the one we add must really be a feed.
  const fetched = await safeFetch(feedUrl, opts);
  const parsed = await tryParseFeed(fetched.text(), fetched.url);
  if (!parsed) throw new AddFeedError(`${feedUrl} is announced as a feed but is not RSS, Atom or JSON Feed`);
  return { requested: url, url: fetched.url, title: parsed.title ?? null, link: parsed.link ?? null, others };
}

/**
 * The database half: files the feed under `source`'s outlet, else the outlet of the site it belongs to. Takes a
 * transaction so a caller can write its audit row with it.
 */
export async function storeFeed(db: Db | Tx, found: FoundFeed, source?: string): Promise<AddFeedResult> {
  const existing = await db.feed.findUnique({ where: { url: found.url } });
  const domain = source ?? sourceDomainFor(found.link ?? found.requested) ?? sourceDomainFor(found.url)!;
  const outlet = await upsertSource(db, { domain, name: findOutletByDomain(domain)?.name ?? found.title ?? domain });
  if (existing) {
    const feed =
      existing.sourceId === null || source
        ? await db.feed.update({ where: { id: existing.id }, data: { sourceId: outlet.id } })
        : existing;
    return { feed, created: false, others: found.others };
  }
  const feed = await db.feed.create({ data: { url: found.url, title: found.title, sourceId: outlet.id } });
  return { feed, created: true, others: found.others };
}

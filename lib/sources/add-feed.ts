// Adds one feed by URL: a feed URL is taken as it is, a site URL is autodiscovered. The feed is filed under
// --source's outlet, else under the outlet of the site it was found from.
import type { Db } from "@/lib/db";
import { discoverFeeds, tryParseFeed, type DiscoverOptions } from "@/lib/feeds/discover";
import { safeFetch } from "@/lib/net/fetch";
import { sourceDomainFor } from "./domain";
import { findOutletByDomain } from "./known-outlets";
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
  const candidates = await discoverFeeds(url, fetchOpts);
  if (candidates.length === 0) throw new AddFeedError(`no feed found at ${url} (no <link rel="alternate"> and none of the usual feed paths)`);
  const [feedUrl, ...others] = candidates;

  // Announced feeds are only claims; the one we add must really be a feed.
  const fetched = await safeFetch(feedUrl, fetchOpts);
  const parsed = await tryParseFeed(fetched.text(), fetched.url);
  if (!parsed) throw new AddFeedError(`${feedUrl} is announced as a feed but is not RSS, Atom or JSON Feed`);

  const existing = await db.feed.findUnique({ where: { url: fetched.url } });
  const domain = source ?? sourceDomainFor(parsed.link ?? url) ?? sourceDomainFor(fetched.url)!;
  const outlet = await upsertSource(db, { domain, name: findOutletByDomain(domain)?.name ?? parsed.title ?? domain });
  if (existing) {
    const feed = existing.sourceId === null || source ? await db.feed.update({ where: { id: existing.id }, data: { sourceId: outlet.id } }) : existing;
    return { feed, created: false, others };
  }
  const feed = await db.feed.create({ data: { url: fetched.url, title: parsed.title, sourceId: outlet.id } });
  return { feed, created: true, others };
}

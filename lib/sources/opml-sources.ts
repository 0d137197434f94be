// Between OPML feeds and source entries. A feed's outlet is found from its htmlUrl (the site), else its xmlUrl:
// feed hosts are often third parties (feedburner) while the site is the outlet's own.
import type { OpmlFeed } from "@/lib/opml";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";
import { sourceDomainFor } from "./domain";
import { SourceEntrySchema, type SourceEntry } from "./source-list";

export function opmlFeedsToSources(feeds: OpmlFeed[]): SourceEntry[] {
  const byDomain = new Map<string, SourceEntry>();
  for (const feed of feeds) {
    const domain =
      feed.parallax.domain ?? ((feed.htmlUrl && sourceDomainFor(feed.htmlUrl)) || sourceDomainFor(feed.xmlUrl));
    if (!domain) continue;
    const existing = byDomain.get(domain);
    if (existing) {
      if (!existing.feeds.includes(feed.xmlUrl)) existing.feeds.push(feed.xmlUrl);
      continue;
    }
    const p = feed.parallax;
    // A Parallax export states every fact it has (an absent one is unknown on purpose); other files get the
    // catalogue's facts about the outlet.
    const known = Object.keys(p).length ? null : findOutletByDomain(domain);
    const parsed = SourceEntrySchema.safeParse({
      // "BBC News - World" names a feed; the catalogue names the outlet.
      name: p.name ?? known?.name ?? feed.title ?? domain,
      domain,
      homepage: feed.htmlUrl ?? known?.homepage ?? null,
      feeds: [feed.xmlUrl],
      country: p.country ?? known?.country ?? null,
      language: p.language ?? known?.language ?? null,
      kind: p.kind ?? known?.kind ?? null,
      lean: p.lean ?? known?.lean ?? null,
      ownership: p.ownership ?? null,
      enabled: p.enabled,
    });
    // A bad parallax:* attribute (hand-edited file) should cost that attribute, not the feed.
    byDomain.set(
      domain,
      parsed.success
        ? parsed.data
        : { name: feed.title ?? domain, domain, homepage: feed.htmlUrl, feeds: [feed.xmlUrl] },
    );
  }
  return [...byDomain.values()];
}

export function sourcesToOpmlFeeds(entries: SourceEntry[]): OpmlFeed[] {
  return entries.flatMap((s) =>
    s.feeds.map((xmlUrl) => ({
      xmlUrl,
      htmlUrl: s.homepage ?? null,
      title: s.name,
      category: s.kind ?? null,
      parallax: Object.fromEntries(
        Object.entries({
          name: s.name,
          domain: s.domain,
          country: s.country,
          language: s.language,
          kind: s.kind,
          lean: s.lean,
          ownership: s.ownership,
          enabled: s.enabled === undefined ? undefined : String(s.enabled),
        }).filter((kv): kv is [string, string] => typeof kv[1] === "string"),
      ),
    })),
  );
}

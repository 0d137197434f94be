// The database's sources and feeds as a source list (JSON) or OPML, the formats sources:import reads back.
import type { Db } from "@/lib/db";
import { buildOpml } from "@/lib/opml";
import { sourceDomainFor } from "./domain";
import { sourcesToOpmlFeeds } from "./opml-sources";
import type { SourceEntry } from "./source-list";

export async function exportSources(db: Db): Promise<SourceEntry[]> {
  const sources = await db.source.findMany({
    orderBy: { domain: "asc" },
    include: { feeds: { orderBy: { url: "asc" } } },
  });
  const entries: SourceEntry[] = sources.map((s) => ({
    name: s.name,
    domain: s.domain,
    homepage: s.homepage,
    feeds: s.feeds.map((f) => f.url),
    country: s.country,
    language: s.language,
    kind: s.kind as SourceEntry["kind"],
    lean: s.lean as SourceEntry["lean"],
    ownership: s.ownership,
    enabled: s.enabled,
  }));
  // Feeds added without an outlet still belong in an export; they are filed under their host.
  const orphans = await db.feed.findMany({ where: { sourceId: null }, orderBy: { url: "asc" } });
  for (const feed of orphans) {
    const domain = sourceDomainFor(feed.url) ?? new URL(feed.url).hostname;
    let entry = entries.find((e) => e.domain === domain);
    if (!entry) {
      entry = { name: feed.title ?? domain, domain, homepage: null, feeds: [] };
      entries.push(entry);
    }
    entry.feeds.push(feed.url);
  }
  return entries.sort((a, b) => a.domain.localeCompare(b.domain));
}

/**
 * The source list as JSON or OPML. `dateCreated` stamps the OPML (default: now); the feed route passes the list's
 * last change, so that the same list is the same document, and its ETag holds past the second it was made in.
 */
export async function exportSourcesAs(db: Db, format: "json" | "opml", dateCreated?: Date): Promise<string> {
  const entries = await exportSources(db);
  if (format === "json") return `${JSON.stringify(entries, null, 2)}\n`;
  return buildOpml({ title: "Parallax sources", feeds: sourcesToOpmlFeeds(entries), dateCreated });
}

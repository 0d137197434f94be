// Loads a source list into the database: one Source per domain, one Feed per feed URL. A merge by default (what is
// there stays, what the list says wins); with replace, the list becomes the whole set of feeds.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceEntry } from "./source-list";

export interface ImportOptions {
  /**
   * Feeds not in the list are deleted, and so are sources not in the list that have no articles. A source that
   * has articles is kept (without feeds), because deleting it would strip those articles of their outlet.
   */
  replace?: boolean;
}

export interface ImportReport {
  sourcesCreated: number;
  sourcesUpdated: number;
  sourcesRemoved: number;
  feedsAdded: number;
  feedsRemoved: number;
}

export async function importSources(db: Db, entries: SourceEntry[], opts: ImportOptions = {}): Promise<ImportReport> {
  return db.$transaction((tx) => importInto(tx, entries, opts), { timeout: 60_000 });
}

async function importInto(tx: Tx, entries: SourceEntry[], opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    sourcesCreated: 0,
    sourcesUpdated: 0,
    sourcesRemoved: 0,
    feedsAdded: 0,
    feedsRemoved: 0,
  };
  const listedFeeds = new Set<string>();
  const listedDomains = new Set<string>();

  for (const entry of entries) {
    listedDomains.add(entry.domain);
    // Only what the entry states overwrites; an absent field leaves the stored value alone.
    const facts = Object.fromEntries(
      Object.entries({
        name: entry.name,
        homepage: entry.homepage,
        country: entry.country,
        language: entry.language,
        kind: entry.kind,
        lean: entry.lean,
        ownership: entry.ownership,
        enabled: entry.enabled,
      }).filter(([, v]) => v !== undefined),
    ) as Prisma.SourceUpdateInput;
    const existing = await tx.source.findUnique({ where: { domain: entry.domain } });
    const source = existing
      ? await tx.source.update({ where: { id: existing.id }, data: facts })
      : await tx.source.create({
          data: { ...(facts as Prisma.SourceCreateInput), name: entry.name, domain: entry.domain },
        });
    if (existing) report.sourcesUpdated++;
    else report.sourcesCreated++;

    for (const url of entry.feeds) {
      listedFeeds.add(url);
      const feed = await tx.feed.findUnique({ where: { url } });
      if (!feed) {
        await tx.feed.create({ data: { url, sourceId: source.id } });
        report.feedsAdded++;
      } else if (feed.sourceId !== source.id) {
        await tx.feed.update({ where: { id: feed.id }, data: { sourceId: source.id } });
      }
    }
  }

  if (opts.replace) {
    const removed = await tx.feed.deleteMany({ where: { url: { notIn: [...listedFeeds] } } });
    report.feedsRemoved = removed.count;
    const gone = await tx.source.deleteMany({
      where: { domain: { notIn: [...listedDomains] }, articles: { none: {} } },
    });
    report.sourcesRemoved = gone.count;
  }
  return report;
}

export function formatImportReport(r: ImportReport): string {
  const parts = [`sources: ${r.sourcesCreated} new, ${r.sourcesUpdated} updated`];
  if (r.sourcesRemoved) parts.push(`${r.sourcesRemoved} removed`);
  parts.push(`feeds: ${r.feedsAdded} new`);
  if (r.feedsRemoved) parts.push(`${r.feedsRemoved} removed`);
  return parts.join(", ");
}

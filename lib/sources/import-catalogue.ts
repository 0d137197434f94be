// Loads a feed catalogue (lib/sources/kite-catalogue.ts) into the database: one Source per domain, one Feed per URL,
// a FeedCategory row per (feed, category). Ten thousand feeds in a few seconds: set-based reads and createMany, one
// transaction per batch, so a run killed half-way keeps whole batches and a rerun completes the rest.
//
// New feeds are DISABLED: nobody polls ten thousand feeds by accident. An operator enables categories
// (setCategoriesEnabled, `feeds:enable -- --category NAME`). A rerun adds what is missing and changes nothing else:
// existing feeds keep their enabled flag, outlet and schedule; existing sources keep their name.
import type { Db, Tx } from "@/lib/db";
import { firstPollDelayMs } from "@/lib/feeds/schedule";
import type { Catalogue } from "./kite-catalogue";

export const CATALOGUE_BATCH = 400;

export interface CatalogueImportReport {
  sourcesCreated: number;
  feedsAdded: number;
  feedsKnown: number;
  categoryLinksAdded: number;
  categories: number;
  skipped: Catalogue["skipped"];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function importCatalogue(
  db: Db,
  catalogue: Catalogue,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<CatalogueImportReport> {
  const size = opts.batchSize ?? CATALOGUE_BATCH;
  const report: CatalogueImportReport = {
    sourcesCreated: 0,
    feedsAdded: 0,
    feedsKnown: 0,
    categoryLinksAdded: 0,
    categories: catalogue.categories.length,
    skipped: catalogue.skipped,
  };

  const sourceIds = new Map<string, number>();
  for (const batch of chunks(catalogue.outlets, size)) {
    await db.$transaction(
      async (tx) => {
        const domains = batch.map((o) => o.domain);
        const existing = await tx.source.findMany({ where: { domain: { in: domains } }, select: { domain: true } });
        const have = new Set(existing.map((s) => s.domain));
        const missing = batch.filter((o) => !have.has(o.domain));
        if (missing.length) {
          await tx.source.createMany({ data: missing.map((o) => ({ domain: o.domain, name: o.name })) });
          report.sourcesCreated += missing.length;
        }
        for (const s of await tx.source.findMany({
          where: { domain: { in: domains } },
          select: { id: true, domain: true },
        })) {
          sourceIds.set(s.domain, s.id);
        }
      },
      { timeout: 60_000 },
    );
  }

  let done = 0;
  for (const batch of chunks(catalogue.feeds, size)) {
    await db.$transaction((tx) => importFeedBatch(tx, batch, sourceIds, report), { timeout: 60_000 });
    done += batch.length;
    opts.onProgress?.(done, catalogue.feeds.length);
  }
  return report;
}

async function importFeedBatch(
  tx: Tx,
  batch: Catalogue["feeds"],
  sourceIds: Map<string, number>,
  report: CatalogueImportReport,
): Promise<void> {
  const urls = batch.map((f) => f.url);
  const existing = await tx.feed.findMany({ where: { url: { in: urls } }, select: { url: true } });
  const have = new Set(existing.map((f) => f.url));
  const missing = batch.filter((f) => !have.has(f.url));
  report.feedsKnown += have.size;
  if (missing.length) {
    await tx.feed.createMany({
      data: missing.map((f) => ({ url: f.url, sourceId: sourceIds.get(f.domain) ?? null, enabled: false })),
    });
    report.feedsAdded += missing.length;
  }
  const ids = new Map(
    (await tx.feed.findMany({ where: { url: { in: urls } }, select: { id: true, url: true } })).map((f) => [
      f.url,
      f.id,
    ]),
  );
  const links = await tx.feedCategory.findMany({
    where: { feedId: { in: [...ids.values()] } },
    select: { feedId: true, name: true },
  });
  const linked = new Set(links.map((l) => `${l.feedId}\n${l.name}`));
  const newLinks = batch.flatMap((f) => {
    const feedId = ids.get(f.url)!;
    return f.categories.filter((name) => !linked.has(`${feedId}\n${name}`)).map((name) => ({ feedId, name }));
  });
  if (newLinks.length) {
    await tx.feedCategory.createMany({ data: newLinks });
    report.categoryLinksAdded += newLinks.length;
  }
}

export function formatCatalogueReport(r: CatalogueImportReport): string {
  const lines = [
    `catalogue: ${r.categories} categories; sources: ${r.sourcesCreated} new; feeds: ${r.feedsAdded} new (disabled), ${r.feedsKnown} already known; category links: ${r.categoryLinksAdded} new`,
  ];
  if (r.skipped.length) {
    lines.push(`skipped ${r.skipped.length} entr${r.skipped.length === 1 ? "y" : "ies"}:`);
    for (const s of r.skipped.slice(0, 20)) lines.push(`  ${s.category}: ${JSON.stringify(s.entry)}: ${s.reason}`);
    if (r.skipped.length > 20) lines.push(`  … and ${r.skipped.length - 20} more`);
  }
  return lines.join("\n");
}

export interface CategoryCount {
  name: string;
  feeds: number;
  enabled: number;
}

/** Every category with its number of feeds and of enabled feeds, by name. */
export async function listCategories(db: Db): Promise<CategoryCount[]> {
  const [all, on] = await Promise.all([
    db.feedCategory.groupBy({ by: ["name"], _count: { _all: true }, orderBy: { name: "asc" } }),
    db.feedCategory.groupBy({ by: ["name"], where: { feed: { enabled: true } }, _count: { _all: true } }),
  ]);
  const enabled = new Map(on.map((c) => [c.name, c._count._all]));
  return all.map((c) => ({ name: c.name, feeds: c._count._all, enabled: enabled.get(c.name) ?? 0 }));
}

export interface EnableOptions {
  /** The polling interval: newly enabled feeds' first polls are spread across it (lib/feeds/schedule.ts). */
  intervalMinutes: number;
  now?: Date;
  batchSize?: number;
}

/**
 * Enables or disables every feed in the named categories; returns how many feeds changed. Throws, changing
 * nothing, when a name is not a category. A feed switched on whose due time has passed (or was never set) gets
 * a first poll spread over the interval by its URL, so enabling thousands of feeds is not one burst of requests.
 * A feed in two categories is on when either is enabled and off after either is disabled: the last command wins.
 */
export async function setCategoriesEnabled(
  db: Db,
  names: string[],
  enabled: boolean,
  opts: EnableOptions,
): Promise<{ changed: number }> {
  const known = new Set(
    (
      await db.feedCategory.findMany({ where: { name: { in: names } }, distinct: ["name"], select: { name: true } })
    ).map((c) => c.name),
  );
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    const all = await listCategories(db);
    const hints = unknown.flatMap((n) =>
      all.filter((c) => c.name.toLowerCase().includes(n.toLowerCase())).map((c) => c.name),
    );
    throw new Error(
      `no such categor${unknown.length === 1 ? "y" : "ies"}: ${unknown.map((n) => JSON.stringify(n)).join(", ")}` +
        (hints.length
          ? ` (did you mean ${hints
              .slice(0, 5)
              .map((h) => JSON.stringify(h))
              .join(", ")}?)`
          : "") +
        " — npm run feeds:enable -- --list shows them all",
    );
  }
  const now = opts.now ?? new Date();
  const feeds = await db.feed.findMany({
    where: { enabled: !enabled, categories: { some: { name: { in: names } } } },
    select: { id: true, url: true, nextFetchAt: true },
    orderBy: { id: "asc" },
  });
  const intervalMs = Math.max(1, opts.intervalMinutes) * 60_000;
  for (const batch of chunks(feeds, opts.batchSize ?? CATALOGUE_BATCH)) {
    await db.$transaction(
      async (tx) => {
        const ids = batch.map((f) => f.id);
        await tx.feed.updateMany({ where: { id: { in: ids } }, data: { enabled } });
        if (!enabled) return;
        for (const f of batch) {
          if (f.nextFetchAt && f.nextFetchAt > now) continue;
          await tx.feed.update({
            where: { id: f.id },
            data: { nextFetchAt: new Date(now.getTime() + firstPollDelayMs(f.url, intervalMs)) },
          });
        }
      },
      { timeout: 60_000 },
    );
  }
  return { changed: feeds.length };
}

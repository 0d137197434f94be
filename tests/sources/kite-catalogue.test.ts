// A feed catalogue shaped like Kagi News' kite_feeds.json, generated here: imported disabled with its categories,
// enabled a category at a time, idempotent on rerun, and polled by the scheduler only once enabled, spread out.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { dueFeeds } from "@/lib/feeds/scheduler";
import { importCatalogue, listCategories, setCategoriesEnabled } from "@/lib/sources/import-catalogue";
import { readSourcesInput } from "@/lib/sources/read-file";
import { createTempDb } from "@/tests/support/temp-db";

const MIN = 60_000;

// 3 categories; one URL in two of them; one unusable entry; 30 outlets with 2 feeds each plus the overlaps.
function catalogueFixture() {
  const cat = (feeds: string[]) => ({ category_type: "topic", source_language: "en", display_names: {}, feeds });
  const outletFeeds = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => [
      `https://www.${prefix}${i}news.com/rss`,
      `https://feeds.${prefix}${i}news.com/world.xml`,
    ]).flat();
  return {
    Science: cat([...outletFeeds("sci", 10), "https://spacecityweather.com/feed/"]),
    "USA | Texas": cat([...outletFeeds("tx", 10), "https://spacecityweather.com/feed/", "opencv.org/feed"]),
    "USA | Houston": cat(outletFeeds("hou", 10)),
  };
}

function writeCatalogue(withMedia: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-kite-"));
  const file = path.join(dir, "kite_feeds.json");
  writeFileSync(file, JSON.stringify(catalogueFixture()));
  if (withMedia) {
    writeFileSync(
      path.join(dir, "media_data.json"),
      JSON.stringify([{ organization: "Space City Weather", domains: ["spacecityweather.com"] }]),
    );
  }
  return file;
}

async function load(db: Db, file: string) {
  const input = await readSourcesInput(file);
  if (input.kind !== "catalogue") throw new Error("not recognised as a catalogue");
  return importCatalogue(db, input.catalogue, { batchSize: 7 });
}

describe("feed catalogue import", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await createTempDb());
  });
  afterEach(async () => cleanup());

  it("imports every feed disabled, with its categories and one named outlet per domain", async () => {
    const report = await load(db, writeCatalogue(true));
    expect(report.feedsAdded).toBe(61);
    expect(report.skipped.map((s) => s.entry)).toEqual(["opencv.org/feed"]);
    expect(await db.feed.count()).toBe(61);
    expect(await db.feed.count({ where: { enabled: true } })).toBe(0);
    expect(await listCategories(db)).toEqual([
      { name: "Science", feeds: 21, enabled: 0 },
      { name: "USA | Houston", feeds: 20, enabled: 0 },
      { name: "USA | Texas", feeds: 21, enabled: 0 },
    ]);
    const shared = await db.feed.findUniqueOrThrow({
      where: { url: "https://spacecityweather.com/feed/" },
      include: { categories: true, source: true },
    });
    expect(shared.categories.map((c) => c.name).sort()).toEqual(["Science", "USA | Texas"]);
    expect(shared.source?.name).toBe("Space City Weather");
    expect(await db.source.count()).toBe(31);
    const sci0 = await db.source.findUniqueOrThrow({ where: { domain: "sci0news.com" }, include: { feeds: true } });
    expect(sci0.name).toBe("sci0news.com");
    expect(sci0.feeds).toHaveLength(2);
    // Nothing is due: the scheduler polls no catalogue feed before an operator enables it.
    expect(await dueFeeds(db, new Date())).toEqual([]);
  });

  it("enabling a category enables exactly its feeds, spreads their first polls, and disabling undoes it", async () => {
    await load(db, writeCatalogue(false));
    const now = new Date("2026-01-01T12:00:00Z");
    const { changed } = await setCategoriesEnabled(db, ["USA | Texas"], true, { intervalMinutes: 15, now });
    expect(changed).toBe(21);
    const on = await db.feed.findMany({ where: { enabled: true }, select: { url: true, nextFetchAt: true } });
    const texas = await db.feed.findMany({ where: { categories: { some: { name: "USA | Texas" } } } });
    expect(on.map((f) => f.url).sort()).toEqual(texas.map((f) => f.url).sort());
    // First polls fall inside the next interval, not all at once.
    const offsets = on.map((f) => f.nextFetchAt!.getTime() - now.getTime());
    for (const o of offsets) expect(o).toBeGreaterThanOrEqual(0);
    for (const o of offsets) expect(o).toBeLessThan(15 * MIN);
    expect(new Set(offsets.map((o) => Math.floor(o / MIN))).size).toBeGreaterThan(8);
    // The scheduler takes them as they fall due, never the disabled ones.
    expect(await dueFeeds(db, now)).toEqual([]);
    expect((await dueFeeds(db, new Date(now.getTime() + 15 * MIN))).length).toBe(21);
    const halfway = (await dueFeeds(db, new Date(now.getTime() + 7.5 * MIN))).length;
    expect(halfway).toBeGreaterThan(3);
    expect(halfway).toBeLessThan(18);

    expect((await setCategoriesEnabled(db, ["USA | Texas"], false, { intervalMinutes: 15, now })).changed).toBe(21);
    expect(await db.feed.count({ where: { enabled: true } })).toBe(0);
  });

  it("refuses an unknown category and changes nothing", async () => {
    await load(db, writeCatalogue(false));
    await expect(setCategoriesEnabled(db, ["Science", "Houston"], true, { intervalMinutes: 15 })).rejects.toThrow(
      /no such category: "Houston" \(did you mean "USA \| Houston"\?\)/,
    );
    expect(await db.feed.count({ where: { enabled: true } })).toBe(0);
  });

  it("a rerun adds nothing and keeps the operator's choices", async () => {
    const file = writeCatalogue(true);
    await load(db, file);
    await setCategoriesEnabled(db, ["Science"], true, { intervalMinutes: 15 });
    await db.source.update({ where: { domain: "spacecityweather.com" }, data: { name: "SCW (edited)" } });
    const before = await db.feed.findMany({ orderBy: { id: "asc" } });

    const again = await load(db, file);
    expect(again).toMatchObject({ sourcesCreated: 0, feedsAdded: 0, feedsKnown: 61, categoryLinksAdded: 0 });
    expect(await db.feed.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.feedCategory.count()).toBe(62);
    expect((await db.source.findUniqueOrThrow({ where: { domain: "spacecityweather.com" } })).name).toBe(
      "SCW (edited)",
    );
    // Enabling an enabled category again changes nothing either (its schedule stays).
    expect((await setCategoriesEnabled(db, ["Science"], true, { intervalMinutes: 15 })).changed).toBe(0);
    expect(await db.feed.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

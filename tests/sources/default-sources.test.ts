import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb } from "@/tests/support/temp-db";
import { defaultSources, DEFAULTS_LOADED_KEY, seedDefaultSources } from "@/lib/sources/default-sources";

describe("defaultSources", () => {
  it("ships at least 40 outlets with feeds, from at least 10 countries, across kinds and leans", () => {
    const list = defaultSources();
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(new Set(list.map((s) => s.country)).size).toBeGreaterThanOrEqual(10);
    for (const kind of ["wire", "public-broadcaster", "state", "national", "independent"]) {
      expect(
        list.some((s) => s.kind === kind),
        kind,
      ).toBe(true);
    }
    for (const lean of ["left", "lean-left", "center", "lean-right", "right"]) {
      expect(
        list.some((s) => s.lean === lean),
        lean,
      ).toBe(true);
    }
    for (const s of list) {
      expect(s.feeds, s.name).toHaveLength(1);
      expect(s.feeds[0]).toMatch(/^https?:\/\//);
      expect(s.homepage).toMatch(/^https:\/\//);
    }
    const feeds = list.flatMap((s) => s.feeds);
    expect(new Set(feeds).size).toBe(feeds.length);
  });
});

describe("seedDefaultSources", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeEach(async () => {
    t = await createTempDb();
  });
  afterEach(() => t.cleanup());

  it("loads the defaults on first start, once, and does not bring deleted sources back", async () => {
    const expected = defaultSources();
    const first = await seedDefaultSources(t.db);
    expect(first?.sourcesCreated).toBe(expected.length);
    expect(await t.db.source.count()).toBe(expected.length);
    expect(await t.db.feed.count()).toBe(expected.length);
    const bbc = await t.db.source.findUniqueOrThrow({ where: { domain: "bbc.co.uk" }, include: { feeds: true } });
    expect(bbc).toMatchObject({
      name: "BBC",
      country: "GB",
      language: "en",
      kind: "public-broadcaster",
      lean: "center",
    });
    expect(bbc.feeds.map((f) => f.url)).toEqual(["https://feeds.bbci.co.uk/news/rss.xml"]);
    expect(await t.db.setting.findUnique({ where: { key: DEFAULTS_LOADED_KEY } })).not.toBeNull();

    // The user prunes the list; the next start must respect that.
    await t.db.feed.deleteMany({});
    await t.db.source.deleteMany({ where: { domain: { not: "bbc.co.uk" } } });
    expect(await seedDefaultSources(t.db)).toBeNull();
    expect(await t.db.source.count()).toBe(1);
    expect(await t.db.feed.count()).toBe(0);
  });
});

// The real Kagi News catalogue from ../shared (MIT): every usable feed and every category arrive, all disabled;
// enabling one category enables exactly its feeds; a rerun adds nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importCatalogue, listCategories, setCategoriesEnabled } from "@/lib/sources/import-catalogue";
import { readSourcesInput } from "@/lib/sources/read-file";
import { sharedPath } from "@/tests/support/shared";
import { createTempDb } from "@/tests/support/temp-db";

// What the file says, read without the importer: distinct http(s) URLs (a browser sends a space as %20).
function expected(file: string) {
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, { feeds: string[] }>;
  const usable = (u: string) => {
    try {
      return /^https?:$/.test(new URL(u).protocol);
    } catch {
      return false;
    }
  };
  const norm = (u: string) => u.trim().replaceAll(" ", "%20");
  const byCategory = new Map(Object.entries(raw).map(([name, c]) => [name, new Set(c.feeds.filter(usable).map(norm))]));
  const all = new Set([...byCategory.values()].flatMap((s) => [...s]));
  const unusable = new Set(Object.values(raw).flatMap((c) => c.feeds.filter((u) => !usable(u))));
  return { byCategory, all, unusable };
}

describe("the Kagi News catalogue", () => {
  it("imports all its feeds and categories disabled, enables one category exactly, and reruns idempotently", async () => {
    const file = sharedPath("corpora", "sources", "kagi-kite", "kite_feeds.json");
    const want = expected(file);
    const input = await readSourcesInput(file);
    if (input.kind !== "catalogue") throw new Error("kite_feeds.json not recognised as a catalogue");
    const { db, cleanup } = await createTempDb();
    try {
      const report = await importCatalogue(db, input.catalogue);
      expect(report.feedsAdded).toBe(want.all.size);
      expect(new Set(report.skipped.map((s) => s.entry))).toEqual(want.unusable);
      expect(await db.feed.count()).toBe(want.all.size);
      expect(await db.feed.count({ where: { enabled: true } })).toBe(0);
      const categories = await listCategories(db);
      expect(categories.map((c) => c.name).sort()).toEqual([...want.byCategory.keys()].sort());
      for (const c of categories) expect(c.feeds).toBe(want.byCategory.get(c.name)!.size);

      const pick = "USA | Texas";
      await setCategoriesEnabled(db, [pick], true, { intervalMinutes: 15 });
      const on = await db.feed.findMany({ where: { enabled: true }, select: { url: true } });
      expect(new Set(on.map((f) => f.url))).toEqual(want.byCategory.get(pick));

      const again = await importCatalogue(db, input.catalogue);
      expect(again).toMatchObject({ sourcesCreated: 0, feedsAdded: 0, categoryLinksAdded: 0 });
      expect(await db.feed.count()).toBe(want.all.size);
      expect(await db.feed.count({ where: { enabled: true } })).toBe(want.byCategory.get(pick)!.size);
    } finally {
      await cleanup();
    }
  }, 120_000);
});

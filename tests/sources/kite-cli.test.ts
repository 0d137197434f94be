// sources:import with a feed catalogue and --enable-category, and feeds:enable, run as a user runs them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createTempDbUrl } from "@/tests/support/temp-db";
import { runScript } from "@/tests/support/run-script";

const dir = mkdtempSync(path.join(tmpdir(), "parallax-kite-cli-"));
let DATABASE_URL: string;
let dropDb: () => Promise<void>;
let db: Db;
const run = (script: string, args: string[]) => runScript(script, args, { DATABASE_URL });

const cat = (feeds: string[]) => ({ category_type: "topic", source_language: "en", display_names: {}, feeds });
const catalogue = path.join(dir, "kite_feeds.json");
writeFileSync(
  catalogue,
  JSON.stringify({
    AI: cat(["https://ai-one.com/feed", "https://ai-two.org/rss", "https://both.net/rss"]),
    Space: cat(["https://space-one.com/feed", "https://both.net/rss"]),
    Gaming: cat(["https://games.io/rss"]),
  }),
);

const enabledUrls = async () =>
  (await db.feed.findMany({ where: { enabled: true }, orderBy: { url: "asc" } })).map((f) => f.url);

beforeAll(async () => {
  ({ url: DATABASE_URL, drop: dropDb } = await createTempDbUrl(dir));
  db = createDb(DATABASE_URL);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDb();
});

describe("catalogue CLIs", () => {
  it("imports disabled, enables the named categories, and switches categories on and off", async () => {
    const first = await run("sources-import", [catalogue, "--enable-category", "AI", "--enable-category", "Gaming"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/3 categories; sources: 5 new; feeds: 5 new \(disabled\)/);
    expect(first.stdout).toMatch(/enabled 4 feeds in "AI", "Gaming"/);
    expect(await enabledUrls()).toEqual([
      "https://ai-one.com/feed",
      "https://ai-two.org/rss",
      "https://both.net/rss",
      "https://games.io/rss",
    ]);

    const again = await run("sources-import", [catalogue]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/feeds: 0 new \(disabled\), 5 already known/);
    expect(await enabledUrls()).toHaveLength(4);

    const off = await run("feeds-enable", ["--category", "AI", "--disable"]);
    expect(off.stdout).toMatch(/disabled 3 feeds/);
    expect(await enabledUrls()).toEqual(["https://games.io/rss"]);
    const list = await run("feeds-enable", ["--list"]);
    expect(list.stdout).toMatch(/0\/3\s+AI\n\s+1\/1\s+Gaming\n\s+0\/2\s+Space/);

    const unknown = await run("feeds-enable", ["--category", "space"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no such category: "space" \(did you mean "Space"\?\)/);
    const usage = await run("feeds-enable", []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run feeds:enable/);
  }, 120_000);
});

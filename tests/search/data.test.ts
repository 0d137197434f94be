// The search page's reads (lib/search/data.ts) against a temporary database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";
import { listSearchOutlets, SEARCH_PAGE_SIZE, searchEvents, searchOffset } from "@/lib/search/data";
import { searchParamsSchema } from "@/lib/search/schema";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await tempDatabase());
  const zeta = await addSource(db, "Zeta Post", "zeta.example");
  await addSource(db, "Alpha Times", "alpha.example");
  const at = new Date("2025-04-25T12:00:00Z");
  const x = await addArticle(db, { title: "Harvest festival opens", sourceId: zeta.id, publishedAt: at });
  await addEvent(db, {
    title: "Harvest festival opens",
    firstSeenAt: at,
    lastSeenAt: at,
    sourceCount: 1,
    articleIds: [x.id],
  });
});

afterAll(async () => {
  await cleanup?.();
});

describe("search page data", () => {
  it("lists every outlet by name for the form", async () => {
    expect((await listSearchOutlets(db)).map((o) => o.domain)).toEqual(["alpha.example", "zeta.example"]);
  });

  it("searches nothing for a blank query", async () => {
    expect(await searchEvents(searchParamsSchema.parse({ q: "  " }), db)).toBeNull();
  });

  it("answers the page the params ask for", async () => {
    const result = await searchEvents(searchParamsSchema.parse({ q: "harvest" }), db);
    expect(result?.total).toBe(1);
    expect(result?.hits.map((h) => h.title)).toEqual(["Harvest festival opens"]);
    expect(searchOffset(3)).toBe(2 * SEARCH_PAGE_SIZE);
  });
});

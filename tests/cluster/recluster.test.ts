import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb } from "@/tests/support/temp-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clusterArticle } from "@/lib/cluster/assign-event";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { arrivalOrder, eventsWithEditorialWork, reclusterAll } from "@/lib/cluster/recluster";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTempDb());
});
afterAll(() => cleanup?.());

/** Events as sets of article ids, independent of event ids. */
async function partition(): Promise<string[]> {
  const rows = await db.eventArticle.findMany({ orderBy: { articleId: "asc" } });
  const byEvent = new Map<number, number[]>();
  for (const r of rows) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.articleId]);
  return [...byEvent.values()].map((ids) => ids.join(",")).sort();
}

describe("reclusterAll", () => {
  it("rebuilds the same events as streaming the articles in arrival order", async () => {
    // Topics 12 and 35 hold sister stories: in this order the second pass merges and splits on the way.
    const sample = seededShuffle(readLabelledCorpus("ecbplus.jsonl"), 4)
      .filter((x) => /^(3|12|35)_/.test(x.gold))
      .slice(0, 40);
    // Dates out of insertion order, one pair equal (ties go by id), so arrival order is not insertion order.
    for (const [i, { article }] of sample.entries()) {
      await db.article.create({
        data: {
          contentHash: `h${i}`,
          title: article.title,
          text: article.text,
          html: "",
          origin: `t${i}`,
          raw: new Uint8Array([1]),
          rawFormat: "txt",
          publishedAt: new Date(Date.UTC(2025, 0, 1, (i * 7) % 40)),
        },
      });
    }
    const order = await arrivalOrder(db);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    for (const id of order) await clusterArticle(db, id);
    const streamed = await partition();
    expect(streamed.length).toBeGreaterThan(2);

    const r = await reclusterAll(db);
    expect(r.articles).toBe(40);
    expect(await partition()).toEqual(streamed);
    expect(await db.event.count({ where: { mergedIntoId: null } })).toBe(r.events);
  });
});

describe("eventsWithEditorialWork", () => {
  it("counts the events a rebuild would strip of editors' decisions", async () => {
    const t = await createTempDb();
    try {
      const make = (data: Record<string, unknown> = {}) =>
        t.db.event.create({ data: { title: "e", firstSeenAt: new Date(), lastSeenAt: new Date(), ...data } });
      await make();
      expect(await eventsWithEditorialWork(t.db)).toBe(0);
      await make({ pinned: true });
      await make({ curatedAt: new Date() });
      const tagged = await make();
      const tag = await t.db.tag.create({ data: { name: "Peace talks", slug: "peace-talks" } });
      await t.db.eventTag.create({ data: { eventId: tagged.id, tagId: tag.id } });
      expect(await eventsWithEditorialWork(t.db)).toBe(3);
    } finally {
      await t.cleanup();
    }
  });
});

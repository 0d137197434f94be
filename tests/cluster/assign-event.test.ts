import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { createTempDb } from "@/tests/support/temp-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clusterArticle, forgetClusterState } from "@/lib/cluster/assign-event";
import { featuresVersion } from "@/lib/cluster/features";
import { readSeedArticles } from "@/tests/support/shared-articles";

let db: PrismaClient;
let url: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTempDb());
});
afterAll(() => cleanup?.());

let counter = 0;
async function insertArticle(a: { title: string; text: string; publishedAt?: Date | null; sourceId?: number | null }) {
  const n = ++counter;
  const row = await db.article.create({
    data: {
      contentHash: `hash-${n}`,
      title: a.title,
      text: a.text,
      html: "",
      origin: `test-${n}`,
      raw: new Uint8Array([n]),
      rawFormat: "txt",
      publishedAt: a.publishedAt ?? null,
      sourceId: a.sourceId ?? null,
    },
  });
  return row.id;
}

async function source(domain: string) {
  return (await db.source.create({ data: { name: domain, domain } })).id;
}

describe("clusterArticle", () => {
  const seeds = readSeedArticles();
  const ids: number[] = [];

  it("creates an event for the first article and joins the others to it", async () => {
    const [s1, s2] = [await source("pravda.com.ua"), await source("thehill.com")];
    const sourceOf = [s1, s2, s2, null, null];
    for (const [i, seed] of seeds.entries()) {
      ids.push(
        await insertArticle({ ...seed, publishedAt: new Date(Date.UTC(2025, 3, 25 + i)), sourceId: sourceOf[i] }),
      );
    }
    const results: { eventId: number; created: boolean }[] = [];
    for (const id of ids) results.push(await clusterArticle(db, id));
    expect(results[0].created).toBe(true);
    expect(results.slice(1).every((r) => !r.created && r.eventId === results[0].eventId)).toBe(true);

    const event = await db.event.findUniqueOrThrow({ where: { id: results[0].eventId } });
    expect(event.articleCount).toBe(5);
    // Two known outlets, plus two articles whose outlet is unknown, each an outlet of its own.
    expect(event.sourceCount).toBe(4);
    expect(event.firstSeenAt.toISOString()).toBe("2025-04-25T00:00:00.000Z");
    expect(event.lastSeenAt.toISOString()).toBe("2025-04-29T00:00:00.000Z");
    expect(seeds.map((s) => s.title)).toContain(event.title);
    // Labelled from what the reports share.
    expect(event.summary).toMatch(/Witkoff/);
    expect(event.summary).toMatch(/Putin/);
    expect(event.summary!.length).toBeLessThanOrEqual(400);
    const entities: string[] = JSON.parse(event.entities!);
    expect(entities).toEqual(expect.arrayContaining(["Vladimir Putin", "Steve Witkoff"]));
    expect(entities.some((e) => e.endsWith("Ushakov"))).toBe(true);

    const members = await db.eventArticle.findMany({ where: { eventId: event.id }, orderBy: { articleId: "asc" } });
    expect(members.map((m) => m.articleId)).toEqual(ids);
    expect(members[0].similarity).toBe(1);
    expect(members.slice(1).every((m) => m.similarity > 0 && m.similarity < 1)).toBe(true);
    const stored = await db.article.findUniqueOrThrow({ where: { id: ids[1] } });
    expect(JSON.parse(stored.features!)).toMatchObject({
      v: featuresVersion,
      terms: expect.objectContaining({ witkoff: expect.any(Number) }),
    });
  });

  it("is idempotent: clustering a member again changes nothing", async () => {
    const before = await db.event.findMany();
    const again = await clusterArticle(db, ids[2]);
    expect(again).toEqual({ eventId: before[0].id, created: false });
    expect(await db.event.findMany()).toEqual(before);
    expect(await db.eventArticle.count()).toBe(5);
  });

  it("starts a separate event for an unrelated story and fills its fields from fetchedAt", async () => {
    const id = await insertArticle({
      title: "Parliament passes the annual budget after a long night",
      text: "Lawmakers approved the spending plan after a long debate over taxes and pensions.",
    });
    const r = await clusterArticle(db, id);
    expect(r.created).toBe(true);
    const event = await db.event.findUniqueOrThrow({ where: { id: r.eventId } });
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(event).toMatchObject({ articleCount: 1, sourceCount: 1, title: article.title });
    expect(event.firstSeenAt).toEqual(article.fetchedAt);
  });

  it("rebuilds its state from stored features after a restart and keeps joining the right event", async () => {
    forgetClusterState(db);
    // Fresh client, as after a restart: the cache is per client.
    const db2 = createDb(url);
    try {
      const id = await insertArticle({
        title: "Witkoff and Putin talks in Moscow brought positions closer, Kremlin aide Ushakov says",
        text: "Kremlin aide Yuri Ushakov said the three-hour meeting between Vladimir Putin and US envoy Steve Witkoff discussed direct talks with Ukraine.",
        publishedAt: new Date(Date.UTC(2025, 3, 27)),
      });
      const seedEvent = (await db2.eventArticle.findUniqueOrThrow({ where: { articleId: ids[0] } })).eventId;
      const r = await clusterArticle(db2, id);
      expect(r).toEqual({ eventId: seedEvent, created: false });
      expect((await db2.event.findUniqueOrThrow({ where: { id: seedEvent } })).articleCount).toBe(6);
    } finally {
      await db2.$disconnect();
    }
  });

  it("rejects an unknown article", async () => {
    await expect(clusterArticle(db, 99_999)).rejects.toThrow();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb } from "@/tests/support/temp-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clusterArticle } from "./assign-event";
import { readSeedArticles } from "./test-data";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTempDb());
});
afterAll(() => cleanup?.());

let n = 0;
const insert = async (a: { title: string; text: string }, duplicateOfId: number | null = null) =>
  (await db.article.create({
    data: { contentHash: `m${++n}`, title: a.title, text: a.text, html: "", origin: `m${n}`, raw: new Uint8Array([n]), rawFormat: "txt", duplicateOfId },
  })).id;

describe("second pass and syndication", () => {
  it("merges events found to be one story into the oldest, which keeps its id; the others redirect to it", async () => {
    // A join threshold nothing reaches makes every seed start its own event; the second pass then merges them.
    const config = { threshold: 0.99, shortThreshold: 0.99, mergeThreshold: 0.3 };
    const ids: number[] = [];
    for (const seed of readSeedArticles()) ids.push(await insert(seed));
    const results = [];
    for (const id of ids) results.push(await clusterArticle(db, id, config));
    const first = results[0].eventId;
    expect(results.every((r) => r.eventId === first)).toBe(true);
    const events = await db.event.findMany({ orderBy: { id: "asc" } });
    expect(events[0]).toMatchObject({ id: first, mergedIntoId: null, articleCount: 5 });
    expect(events.length).toBeGreaterThan(1);
    for (const merged of events.slice(1)) expect(merged).toMatchObject({ mergedIntoId: first, articleCount: 0 });
    expect(await db.eventArticle.count({ where: { eventId: first } })).toBe(5);
  });

  it("puts a syndicated copy into its original's event whatever its text", async () => {
    const original = (await db.eventArticle.findFirstOrThrow({ orderBy: { articleId: "asc" } })).articleId;
    const copy = await insert({ title: "Harbour bridge reopens", text: "The harbour bridge reopened after repairs to storm damage." }, original);
    const r = await clusterArticle(db, copy);
    const target = (await db.eventArticle.findUniqueOrThrow({ where: { articleId: original } })).eventId;
    expect(r).toEqual({ eventId: target, created: false });
  });
});

describe("editors' decisions", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  const add = async (a: { title: string; text: string }) =>
    (await t.db.article.create({
      data: { contentHash: `c${++n}`, title: a.title, text: a.text, html: "", origin: `c${n}`, raw: new Uint8Array([n]), rawFormat: "txt" },
    })).id;

  it("never merges an event an editor curated, and keeps a title an editor wrote", async () => {
    const config = { threshold: 0.99, shortThreshold: 0.99, mergeThreshold: 0.3 };
    const [first, ...rest] = readSeedArticles();
    const firstEvent = (await clusterArticle(t.db, await add(first!), config)).eventId;
    await t.db.event.update({ where: { id: firstEvent }, data: { curatedAt: new Date(), editedAt: new Date(), title: "Editor's title" } });
    for (const seed of rest) await clusterArticle(t.db, await add(seed), config);
    const curated = await t.db.event.findUniqueOrThrow({ where: { id: firstEvent } });
    expect(curated).toMatchObject({ mergedIntoId: null, articleCount: 1, title: "Editor's title" });
    // The other four still found each other: only the curated event was left out of the automatic merge.
    const others = await t.db.event.findMany({ where: { id: { not: firstEvent }, mergedIntoId: null } });
    expect(others).toHaveLength(1);
    expect(others[0]!.articleCount).toBe(4);
  });
});

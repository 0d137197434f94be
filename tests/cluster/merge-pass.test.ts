import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb } from "@/tests/support/temp-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clusterArticle } from "@/lib/cluster/assign-event";
import { readSeedArticles } from "@/tests/support/shared-articles";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTempDb());
});
afterAll(() => cleanup?.());

let n = 0;
const insert = async (a: { title: string; text: string }, duplicateOfId: number | null = null) =>
  (
    await db.article.create({
      data: {
        contentHash: `m${++n}`,
        title: a.title,
        text: a.text,
        html: "",
        origin: `m${n}`,
        raw: new Uint8Array([n]),
        rawFormat: "txt",
        duplicateOfId,
      },
    })
  ).id;

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
    const copy = await insert(
      { title: "Harbour bridge reopens", text: "The harbour bridge reopened after repairs to storm damage." },
      original,
    );
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
    (
      await t.db.article.create({
        data: {
          contentHash: `c${++n}`,
          title: a.title,
          text: a.text,
          html: "",
          origin: `c${n}`,
          raw: new Uint8Array([n]),
          rawFormat: "txt",
        },
      })
    ).id;

  it("never merges an event an editor curated, and keeps a title an editor wrote", async () => {
    const config = { threshold: 0.99, shortThreshold: 0.99, mergeThreshold: 0.3 };
    const [first, ...rest] = readSeedArticles();
    const firstEvent = (await clusterArticle(t.db, await add(first!), config)).eventId;
    await t.db.event.update({
      where: { id: firstEvent },
      data: { curatedAt: new Date(), editedAt: new Date(), title: "Editor's title" },
    });
    for (const seed of rest) await clusterArticle(t.db, await add(seed), config);
    const curated = await t.db.event.findUniqueOrThrow({ where: { id: firstEvent } });
    expect(curated).toMatchObject({ mergedIntoId: null, articleCount: 1, title: "Editor's title" });
    // The other four still found each other: only the curated event was left out of the automatic merge.
    const others = await t.db.event.findMany({ where: { id: { not: firstEvent }, mergedIntoId: null } });
    expect(others).toHaveLength(1);
    expect(others[0]!.articleCount).toBe(4);
  });
});

describe("automatic split", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  // ECB+ topics 12 and 35: two Indian navy anti-piracy operations and two Chargers players' DUI arrests. Streamed
  // in this order, each pair first lands in one event, which is then split (lib/cluster/split.test.ts).
  const sample = seededShuffle(
    readLabelledCorpus("ecbplus.jsonl").filter((x) => /^(12|35)_/.test(x.gold)),
    1,
  ).slice(0, 40);

  async function stream(db: PrismaClient, onFirstEvent?: (eventId: number) => Promise<void>) {
    const gold = new Map<number, string>();
    let first: number | null = null;
    for (const { article, gold: g } of sample) {
      const id = (
        await db.article.create({
          data: {
            contentHash: `s${++n}`,
            title: article.title,
            text: article.text,
            html: "",
            origin: `s${n}`,
            raw: new Uint8Array([n]),
            rawFormat: "txt",
          },
        })
      ).id;
      gold.set(id, g);
      const { eventId } = await clusterArticle(db, id);
      // The event the article is in once the second pass is done, whatever it merged or split.
      expect((await db.eventArticle.findUniqueOrThrow({ where: { articleId: id } })).eventId).toBe(eventId);
      if (first === null) {
        first = eventId;
        await onFirstEvent?.(eventId);
      }
    }
    return { gold, first: first! };
  }

  it("moves the other story to a new event, tagged and hidden as the event was; the event keeps its id and first article", async () => {
    const tag = await t.db.tag.create({ data: { name: "Crime", slug: "crime" } });
    const { gold, first } = await stream(t.db, async (eventId) => {
      await t.db.eventTag.create({ data: { eventId, tagId: tag.id } });
      await t.db.event.update({ where: { id: eventId }, data: { hidden: true } });
    });
    const live = await t.db.event.findMany({
      where: { mergedIntoId: null },
      include: { members: { include: { article: true } }, tags: true },
    });
    for (const e of live) {
      // One story per event, and the counts, title and span follow the members.
      expect(new Set(e.members.map((m) => gold.get(m.articleId)))).toHaveLength(1);
      expect(e.articleCount).toBe(e.members.length);
      expect(e.members.map((m) => m.article.title)).toContain(e.title);
      const seen = e.members.map((m) => m.article.fetchedAt.getTime());
      expect([e.firstSeenAt.getTime(), e.lastSeenAt.getTime()]).toEqual([Math.min(...seen), Math.max(...seen)]);
    }
    const firstArticle = (await t.db.article.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
    expect((await t.db.eventArticle.findUniqueOrThrow({ where: { articleId: firstArticle } })).eventId).toBe(first);
    // The first event's story was split off at least once: its split-off events carry its tag.
    const story = gold.get(firstArticle)!.split("_")[0];
    const tagged = live.filter((e) => e.tags.some((x) => x.tagId === tag.id));
    expect(tagged.length).toBeGreaterThan(1);
    for (const e of tagged) expect(gold.get(e.members[0]!.articleId)!.split("_")[0]).toBe(story);
    for (const e of live) expect(e.hidden).toBe(tagged.includes(e));
  });

  it("never splits an event an editor curated", async () => {
    const other = await createTempDb();
    try {
      const { gold, first } = await stream(other.db, async (eventId) => {
        await other.db.event.update({ where: { id: eventId }, data: { curatedAt: new Date() } });
      });
      // New articles still join it, and it keeps both stories: splitting it is the editor's call.
      const members = await other.db.eventArticle.findMany({ where: { eventId: first } });
      expect(new Set(members.map((m) => gold.get(m.articleId)))).toHaveLength(2);
    } finally {
      await other.cleanup();
    }
  });
});

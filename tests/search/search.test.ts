// The search index against a real migrated database (FTS5 on SQLite; tsvector in the "postgres" project):
// it stays current, ranking, filters, hostile input, and the seed articles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addArticle, addEvent, addSource } from "@/tests/support/db-fixtures";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { createTempDb, testingPostgres } from "@/tests/support/temp-db";
import { seedFiles } from "@/tests/support/shared";
import { forgetSearchSchemaCheck, searchSchemaSql } from "@/lib/search/fts-schema";
import { getSearchIndex } from "@/lib/search/index";
import { forgetPgSearchSchemaCheck } from "@/lib/search/postgres";
import { snippetParts, SNIPPET_OPEN } from "@/lib/search/terms";
import type { SearchIndex } from "@/lib/search/types";

let db: Db;
let cleanup: () => Promise<void>;
let index: SearchIndex;
const ids: Record<string, number> = {};
const day = (d: string) => new Date(`${d}T12:00:00Z`);

beforeAll(async () => {
  const temp = await createTempDb();
  ({ db, cleanup } = temp);
  index = getSearchIndex(db);
  const a = await addSource(db, "Alpha News", "alpha.example");
  const b = await addSource(db, "Beta Post", "beta.example");
  // "strong": the word is in the event title and in both outlets' headlines and bodies.
  const s1 = await addArticle(db, {
    title: "Glacier collapse in the Alps",
    text: "The glacier collapse buried a village. Glacier experts warned.",
    sourceId: a.id,
    publishedAt: day("2026-03-01"),
  });
  const s2 = await addArticle(db, {
    title: "Alpine glacier gives way",
    text: "A glacier fell onto the valley.",
    sourceId: b.id,
    publishedAt: day("2026-03-02"),
  });
  ids.strong = (
    await addEvent(db, {
      title: "Glacier collapse buries Alpine village",
      firstSeenAt: day("2026-03-01"),
      lastSeenAt: day("2026-03-02"),
      sourceCount: 2,
      articleIds: [s1.id, s2.id],
    })
  ).id;
  // "weak": one passing mention deep in one body.
  const w1 = await addArticle(db, {
    title: "Tourism season opens",
    text: "Hotels are full. Some visitors asked about the glacier on the way up.",
    sourceId: a.id,
    publishedAt: day("2026-06-10"),
  });
  ids.weak = (
    await addEvent(db, {
      title: "Tourism season opens early",
      firstSeenAt: day("2026-06-10"),
      lastSeenAt: day("2026-06-10"),
      sourceCount: 1,
      articleIds: [w1.id],
    })
  ).id;
  // Merged tombstones are not results.
  const m1 = await addArticle(db, { title: "Glacier glacier glacier", sourceId: b.id });
  ids.merged = (
    await addEvent(db, {
      title: "Glacier duplicate",
      firstSeenAt: day("2026-03-01"),
      lastSeenAt: day("2026-03-01"),
      sourceCount: 1,
      articleIds: [m1.id],
      mergedIntoId: ids.strong,
    })
  ).id;
  await ingestInputs(seedFiles(), { db });
});

afterAll(async () => {
  await cleanup?.();
});

describe("searchIndex.query", () => {
  it("ranks the event that is about the words above a passing mention, and skips merged events", async () => {
    const result = await index.query({ q: "glacier", limit: 10, offset: 0 });
    expect(result.hits.map((h) => h.eventId)).toEqual([ids.strong, ids.weak]);
    expect(result.total).toBe(2);
    expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score);
    expect(result.hits[0].sources.map((s) => s.domain)).toEqual(["alpha.example", "beta.example"]);
  });

  it("requires every word and matches stems and diacritics", async () => {
    expect((await index.query({ q: "glacier visitors", limit: 10, offset: 0 })).hits.map((h) => h.eventId)).toEqual([
      ids.weak,
    ]);
    expect((await index.query({ q: "GLACIERS", limit: 10, offset: 0 })).total).toBe(2);
    expect((await index.query({ q: "glaciér", limit: 10, offset: 0 })).total).toBe(2);
  });

  it("marks matched words in the snippet", async () => {
    const [hit] = (await index.query({ q: "visitors", limit: 10, offset: 0 })).hits;
    expect(hit.snippet).toContain(SNIPPET_OPEN);
    expect(
      snippetParts(hit.snippet)
        .filter((p) => p.match)
        .map((p) => p.text.toLowerCase()),
    ).toEqual(["visitors"]);
  });

  it("filters by outlet and by date", async () => {
    expect(
      (await index.query({ q: "glacier", outlet: "beta.example", limit: 10, offset: 0 })).hits.map((h) => h.eventId),
    ).toEqual([ids.strong]);
    expect((await index.query({ q: "glacier", outlet: "nobody.example", limit: 10, offset: 0 })).total).toBe(0);
    const june = await index.query({
      q: "glacier",
      from: day("2026-06-01"),
      to: day("2026-06-30"),
      limit: 10,
      offset: 0,
    });
    expect(june.hits.map((h) => h.eventId)).toEqual([ids.weak]);
    const march = await index.query({ q: "glacier", to: day("2026-03-01"), limit: 10, offset: 0 });
    expect(march.hits.map((h) => h.eventId)).toEqual([ids.strong]);
    expect((await index.query({ q: "glacier", tag: "climate", limit: 10, offset: 0 })).total).toBe(0);
  });

  it("pages, and reports the total past the last page", async () => {
    const second = await index.query({ q: "glacier", limit: 1, offset: 1 });
    expect(second.hits.map((h) => h.eventId)).toEqual([ids.weak]);
    expect(second.total).toBe(2);
    const beyond = await index.query({ q: "glacier", limit: 1, offset: 5 });
    expect(beyond).toMatchObject({ hits: [], total: 2 });
  });

  it("follows edits and deletions through the triggers", async () => {
    const src = await addSource(db, "Gamma", "gamma.example");
    const art = await addArticle(db, { title: "Quokka sighting", sourceId: src.id });
    const ev = await addEvent(db, {
      title: "Marsupial news",
      firstSeenAt: day("2026-01-01"),
      lastSeenAt: day("2026-01-01"),
      sourceCount: 1,
      articleIds: [art.id],
    });
    expect((await index.query({ q: "quokka", limit: 10, offset: 0 })).hits.map((h) => h.eventId)).toEqual([ev.id]);
    await db.article.update({ where: { id: art.id }, data: { title: "Wombat sighting", text: "A wombat." } });
    expect((await index.query({ q: "quokka", limit: 10, offset: 0 })).total).toBe(0);
    expect((await index.query({ q: "wombat", limit: 10, offset: 0 })).total).toBe(1);
    await db.event.update({ where: { id: ev.id }, data: { summary: "Platypus too" } });
    expect((await index.query({ q: "platypus", limit: 10, offset: 0 })).total).toBe(1);
    await db.event.delete({ where: { id: ev.id } });
    await db.article.delete({ where: { id: art.id } });
    expect((await index.query({ q: "wombat", limit: 10, offset: 0 })).total).toBe(0);
    await index.rebuild();
    expect((await index.query({ q: "glacier", limit: 10, offset: 0 })).total).toBe(2);
  });

  // Only the word "glacier" survives these, so they must find the glacier events.
  it.each([`glacier"`, `"glacier`, `glacier*`, `^glacier`, `(glacier`, `glacier -`, `"glacier"`])(
    "reads %j as the plain word",
    async (q) => {
      expect((await index.query({ q, limit: 10, offset: 0 })).total).toBe(2);
    },
  );

  // Operators are words like any other (all required), or nothing is left: results or none, never an error.
  it.each([
    `"`,
    `*`,
    `NEAR(`,
    `AND OR`,
    `NOT glacier`,
    `title:glacier`,
    `glacier AND`,
    `-`,
    ``,
    `   `,
    `'; DROP TABLE "Event"; --`,
    `\u0000\u0002`,
    `a`.repeat(5000),
  ])("answers %j without an error", async (q) => {
    const result = await index.query({ q, limit: 10, offset: 0 });
    expect(result.hits.length).toBe(Math.min(result.total, 10));
  });

  it.skipIf(testingPostgres)("re-creates dropped triggers and reindexes what was written meanwhile", async () => {
    // What a Prisma table redefinition does to the triggers.
    for (const t of ["Article_search_ai", "Article_search_ad", "Article_search_au"])
      await db.$executeRawUnsafe(`DROP TRIGGER "${t}"`);
    const src = await addSource(db, "Delta", "delta.example");
    const art = await addArticle(db, { title: "Narwhal pod spotted", sourceId: src.id });
    const ev = await addEvent(db, {
      title: "Arctic wildlife",
      firstSeenAt: day("2026-02-01"),
      lastSeenAt: day("2026-02-01"),
      sourceCount: 1,
      articleIds: [art.id],
    });
    expect((await index.query({ q: "narwhal", limit: 10, offset: 0 })).total).toBe(0);
    forgetSearchSchemaCheck(db);
    expect((await index.query({ q: "narwhal", limit: 10, offset: 0 })).hits.map((h) => h.eventId)).toEqual([ev.id]);
    const triggers = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'`,
    );
    expect(Number(triggers[0].n)).toBe(6);
  });

  it.runIf(testingPostgres)("re-creates dropped search columns, and the new rows are found", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "Article" DROP COLUMN "search"`);
    const src = await addSource(db, "Delta", "delta.example");
    const art = await addArticle(db, { title: "Narwhal pod spotted", sourceId: src.id });
    const ev = await addEvent(db, {
      title: "Arctic wildlife",
      firstSeenAt: day("2026-02-01"),
      lastSeenAt: day("2026-02-01"),
      sourceCount: 1,
      articleIds: [art.id],
    });
    forgetPgSearchSchemaCheck(db);
    expect((await index.query({ q: "narwhal", limit: 10, offset: 0 })).hits.map((h) => h.eventId)).toEqual([ev.id]);
  });

  it("has a migration-ready SQL script", () => {
    const sql = searchSchemaSql();
    expect(sql.match(/CREATE VIRTUAL TABLE/g)).toHaveLength(2);
    expect(sql.match(/CREATE TRIGGER/g)).toHaveLength(6);
  });

  it("finds the seed articles by Witkoff", async () => {
    const result = await index.query({ q: "Witkoff", limit: 10, offset: 0 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0].snippet.toLowerCase()).toContain("witkoff");
  });
});

// import:archive stores and clusters a batch at a time; the result must be what storing and clustering each line
// on its own (lib/articles saveArticle, lib/cluster clusterArticle: the ingest path) gives for the same lines: the
// same articles, syndicated copies, events with the same titles, dates, counts and summaries, and memberships.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/mutations";
import { clusterArticle } from "@/lib/cluster/assign-event";
import type { Db } from "@/lib/db";
import { importArchive, parseArchiveLine } from "@/lib/pipeline/archive";
import { writeArchiveCorpus } from "@/scripts/bench/archive-corpus";
import { createTempDb } from "./support/temp-db";

type TempDb = Awaited<ReturnType<typeof createTempDb>>;

async function snapshot(db: Db) {
  const articles = await db.article.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      url: true,
      contentHash: true,
      title: true,
      publishedAt: true,
      language: true,
      html: true,
      sourceId: true,
      duplicateOfId: true,
      features: true,
    },
  });
  const bands = await db.articleBand.findMany({ orderBy: [{ articleId: "asc" }, { band: "asc" }] });
  const events = await db.event.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      title: true,
      firstSeenAt: true,
      lastSeenAt: true,
      articleCount: true,
      sourceCount: true,
      summary: true,
      entities: true,
      mergedIntoId: true,
      hidden: true,
    },
  });
  const memberships = await db.eventArticle.findMany({
    orderBy: { articleId: "asc" },
    select: { articleId: true, eventId: true, similarity: true },
  });
  const sources = await db.source.findMany({ orderBy: { id: "asc" }, select: { id: true, domain: true, name: true } });
  return { articles, bands, events, memberships, sources };
}

describe("import:archive in batches", () => {
  let batched: TempDb;
  let single: TempDb;
  let file: string;
  let lines: string[];
  beforeAll(async () => {
    batched = await createTempDb();
    single = await createTempDb();
    // Stories of about 30 articles (so events pass the 20 members after which summaries are recomputed only
    // now and then), with syndicated near-copies, repeated lines and corrections mixed in.
    const generated = path.join(batched.dir, "generated.jsonl");
    await writeArchiveCorpus(generated, 240, 40, 7);
    lines = [];
    const corrections: string[] = [];
    readFileSync(generated, "utf8")
      .trim()
      .split("\n")
      .forEach((line, i) => {
        lines.push(line);
        const a = JSON.parse(line);
        if (i % 9 === 4)
          lines.push(
            JSON.stringify({
              ...a,
              url: `https://copies.example/${i}`,
              title: `Copy: ${a.title}`,
              text: `${a.text} Via wire.`,
            }),
          );
        if (i % 13 === 6) lines.push(line);
        // A corrected page: the same URL with new text replaces the stored article (and its bands). These come
        // last, in later batches than their originals: within one batch the correction is stored before the
        // original is clustered, so its features would be the corrected text's, where the per-article path
        // clusters the original before the correction arrives (and never re-clusters).
        if (i % 17 === 8 && i < 180)
          corrections.push(
            JSON.stringify({ ...a, text: `${a.text}\n\nCorrection: an earlier version misspelt a name.` }),
          );
      });
    lines.push(...corrections);
    file = path.join(batched.dir, "archive.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
  });
  afterAll(async () => {
    await batched.cleanup();
    await single.cleanup();
  });

  it("stores and clusters exactly as the per-article path does", { timeout: 120_000 }, async () => {
    const report = await importArchive(file, { db: batched.db, batchSize: 37 });
    for (const [i, text] of lines.entries()) {
      const parsed = parseArchiveLine(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      const saved = await saveArticle(single.db, {
        article: parsed.article,
        origin: `${file}:${i + 1}`,
        content: Buffer.from(parsed.article.text),
        format: "txt",
      });
      await clusterArticle(single.db, saved.id);
    }
    const a = await snapshot(batched.db);
    const b = await snapshot(single.db);
    // The input exercises what it is meant to: copies, repeats, large events.
    expect(report.counts.duplicate).toBeGreaterThan(10);
    expect(report.counts.updated).toBeGreaterThan(9);
    expect(a.articles.filter((x) => x.duplicateOfId !== null).length).toBeGreaterThan(20);
    expect(Math.max(...a.events.map((e) => e.articleCount))).toBeGreaterThan(25);
    expect(a.articles).toEqual(b.articles);
    expect(a.bands).toEqual(b.bands);
    expect(a.memberships).toEqual(b.memberships);
    expect(a.events).toEqual(b.events);
    expect(a.sources).toEqual(b.sources);
  });
});

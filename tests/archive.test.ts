// npm run import:archive: a JSON-lines archive (plain or gzipped) loads in batches, bad lines fail alone with
// their line numbers, and a rerun adds nothing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArchive } from "@/lib/pipeline/archive";
import { writeArchiveCorpus } from "@/scripts/bench/archive-corpus";
import { runScript } from "./support/run-script";
import { createTempDb } from "./support/temp-db";

const liveEvents = (t: Awaited<ReturnType<typeof createTempDb>>) =>
  t.db.event.count({ where: { mergedIntoId: null, articleCount: { gt: 0 } } });

describe("import:archive", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let plain: string;
  beforeAll(async () => {
    t = await createTempDb();
    // 24 articles in 3 stories, then a line that is not JSON (line 5) and one that fails the schema (line 11).
    const generated = path.join(t.dir, "generated.jsonl");
    await writeArchiveCorpus(generated, 24, 8, 1);
    const lines = readFileSync(generated, "utf8").trim().split("\n");
    lines.splice(4, 0, '{"url": "https://example.com/broken", "title": ');
    lines.splice(
      10,
      0,
      JSON.stringify({ url: "https://example.com/x", title: "  ", text: "Body.", publishedAt: "soon" }),
    );
    plain = path.join(t.dir, "archive.jsonl");
    writeFileSync(plain, `${lines.join("\n")}\n`);
  });
  afterAll(() => t.cleanup());

  it("loads the good lines, clusters them, and reports each bad line with its number", async () => {
    const report = await importArchive(plain, { db: t.db, batchSize: 7 });
    expect(report.counts).toEqual({ new: 24, updated: 0, duplicate: 0, failed: 2 });
    expect(report.failures.map((f) => f.line)).toEqual([5, 11]);
    expect(report.failures[0]!.reason).toMatch(/invalid JSON/);
    expect(report.failures[1]!.reason).toMatch(/title: title is empty/);
    expect(report.failures[1]!.reason).toMatch(/publishedAt: invalid date/);
    expect(await t.db.article.count()).toBe(24);
    expect(await t.db.eventArticle.count()).toBe(24);
    expect(await liveEvents(t)).toBe(3);
    const failures = await t.db.ingestFailure.findMany({ orderBy: { origin: "asc" } });
    expect(failures.map((f) => f.origin).sort()).toEqual([`${plain}:11`, `${plain}:5`]);
    // Each touched event's comparison was built once at the end.
    expect(await t.db.eventComparison.count()).toBe(3);
    const article = await t.db.article.findFirstOrThrow({ include: { source: true } });
    expect(article.source?.domain).toMatch(/^outlet\d+-news\.com$/);
    expect(article.html).toMatch(/^<p>/);
  });

  it("adds nothing when the same file is loaded again", async () => {
    const before = await t.db.article.findMany({ orderBy: { id: "asc" } });
    const report = await importArchive(plain, { db: t.db });
    expect(report.counts).toEqual({ new: 0, updated: 0, duplicate: 24, failed: 2 });
    const after = await t.db.article.findMany({ orderBy: { id: "asc" } });
    expect(after.map((a) => [a.id, a.updatedAt.getTime()])).toEqual(before.map((a) => [a.id, a.updatedAt.getTime()]));
    expect(await t.db.eventArticle.count()).toBe(24);
    expect(await liveEvents(t)).toBe(3);
    // The bad lines are recorded once, not once per run.
    expect(await t.db.ingestFailure.count()).toBe(2);
  });

  it("loads a gzipped archive through the command", async () => {
    const generated = path.join(t.dir, "more.jsonl");
    await writeArchiveCorpus(generated, 16, 8, 2);
    const gz = path.join(t.dir, "more.jsonl.gz");
    writeFileSync(gz, gzipSync(readFileSync(generated)));
    const run = await runScript("import-archive", [gz], { DATABASE_URL: t.url });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("16 new, 0 updated, 0 duplicate, 0 failed");
    expect(await t.db.article.count()).toBe(40);
    expect(await liveEvents(t)).toBe(5);
  });

  it("exits 2 with the usage for a missing file", async () => {
    const run = await runScript("import-archive", [path.join(t.dir, "nope.jsonl")], { DATABASE_URL: t.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no such file");
  });
});

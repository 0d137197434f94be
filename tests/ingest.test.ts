import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { createTempDb } from "./support/temp-db";
import { seedFiles, sharedPath } from "./support/shared";

describe("ingesting the seeds", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  it("stores all five articles and groups them into one event", async () => {
    const report = await ingestInputs([sharedPath("seeds")], { db: t.db });
    expect(report.counts).toEqual({ new: 5, updated: 0, duplicate: 0, failed: 0 });
    const events = await t.db.event.findMany({ include: { members: true } });
    expect(events).toHaveLength(1);
    expect(events[0]!.members).toHaveLength(5);
    expect(events[0]!.articleCount).toBe(5);
    // Four seeds name their outlet; the fifth (a US paper) prints no outlet and counts as one of its own.
    expect(events[0]!.sourceCount).toBe(5);
    const domains = (await t.db.source.findMany()).map((s) => s.domain).sort();
    expect(domains).toEqual(["aninews.in", "cgtn.com", "menafn.com", "pravda.com.ua"]);
  });

  it("changes nothing when the same input is imported again", async () => {
    const before = await t.db.article.findMany({ orderBy: { id: "asc" } });
    const report = await ingestInputs(seedFiles(), { db: t.db });
    expect(report.counts).toEqual({ new: 0, updated: 0, duplicate: 5, failed: 0 });
    const after = await t.db.article.findMany({ orderBy: { id: "asc" } });
    expect(after.map((a) => [a.id, a.contentHash, a.updatedAt.getTime()])).toEqual(
      before.map((a) => [a.id, a.contentHash, a.updatedAt.getTime()]),
    );
    expect(await t.db.event.count()).toBe(1);
    expect(await t.db.eventArticle.count()).toBe(5);
  });

  it("keeps the raw input so an article can be re-extracted", async () => {
    const article = await t.db.article.findFirstOrThrow({
      where: { origin: { endsWith: "004_dba990e64b1ccb8c.txt" } },
    });
    expect(article.rawFormat).toBe("txt");
    const { gunzipSync } = await import("node:zlib");
    expect(gunzipSync(Buffer.from(article.raw)).toString("utf8")).toContain("阅读原文");
    expect(article.url).toMatch(/^https:\/\/news\.cgtn\.com\/news\/2025-04-26\//);
  });
});

describe("bad input", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let dir: string;
  beforeAll(async () => {
    t = await createTempDb();
    dir = mkdtempSync(path.join(tmpdir(), "parallax-bad-"));
    writeFileSync(path.join(dir, "a-empty.txt"), "   \n\n ");
    writeFileSync(
      path.join(dir, "b-binary.html"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    writeFileSync(path.join(dir, "c-huge.txt"), Buffer.alloc(21 * 1024 * 1024, "a"));
    writeFileSync(path.join(dir, "d-bomb.txt.gz"), gzipSync(Buffer.alloc(64 * 1024 * 1024, "b")));
    const good = [
      "Harbour bridge reopens after storm repairs",
      "",
      "The Northport harbour bridge reopened to traffic on Monday after six weeks of repairs to storm damage, the city council said.",
      "",
      "Engineers replaced two cable anchors and resurfaced the deck, and the council said the work came in under its budget of 4 million euros.",
    ].join("\n");
    writeFileSync(path.join(dir, "e-good.txt"), good);
  });
  afterAll(() => t.cleanup());

  it("fails each bad file with a clear reason and still imports the good one", async () => {
    const missing = path.join(dir, "no-such-file.txt");
    const report = await ingestInputs([dir, missing], { db: t.db });
    const reasons = Object.fromEntries(
      report.items.flatMap((i) => (i.outcome === "failed" ? [[path.basename(i.input), i.reason]] : [])),
    );
    expect(reasons["a-empty.txt"]).toMatch(/empty/);
    expect(reasons["b-binary.html"]).toMatch(/binary/);
    expect(reasons["c-huge.txt"]).toMatch(/too large/);
    expect(reasons["d-bomb.txt.gz"]).toMatch(/too large/);
    expect(reasons["no-such-file.txt"]).toMatch(/no such file/);
    expect(report.counts.new).toBe(1);
    expect(report.counts.failed).toBe(5);
    const stored = await t.db.article.findFirstOrThrow();
    expect(stored.title).toBe("Harbour bridge reopens after storm repairs");
    expect(await t.db.ingestFailure.count()).toBe(5);
  });
});

// Issue #16: `npm run ingest -- /dev/zero` grew to 2.5 GB and a FIFO hung the run: only regular files are read.
describe("device files and FIFOs named as inputs", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let fifo: string;
  let good: string;
  beforeAll(async () => {
    t = await createTempDb();
    const dir = mkdtempSync(path.join(tmpdir(), "parallax-special-"));
    fifo = path.join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    good = path.join(dir, "good.txt");
    writeFileSync(
      good,
      "Harbour bridge reopens after storm repairs\n\nThe Northport harbour bridge reopened to traffic on Monday after six weeks of repairs to storm damage, the city council said.",
    );
  });
  afterAll(() => t.cleanup());

  it("refuses each with a clear reason and imports the rest", async () => {
    const report = await ingestInputs(["/dev/zero", fifo, good], { db: t.db });
    expect(report.items.map((i) => (i.outcome === "failed" ? i.reason : i.outcome))).toEqual([
      "not a regular file: /dev/zero",
      `not a regular file: ${fifo}`,
      "new",
    ]);
    expect(await t.db.ingestFailure.count()).toBe(2);
  });
});

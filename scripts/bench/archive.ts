// npm run bench:archive [-- --articles 20000]
// Bulk-loads a generated archive (scripts/bench/archive-corpus.ts) into a fresh SQLite database with
// import:archive's code, prints articles/s, then loads it again (the rerun must add nothing) and prints that too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { importArchive } from "@/lib/pipeline/archive";
import { writeArchiveCorpus } from "./archive-corpus";

const at = process.argv.indexOf("--articles");
const articles = at >= 0 ? Number(process.argv[at + 1]) : 20_000;
if (!Number.isInteger(articles) || articles < 1) throw new Error("--articles takes a whole number");

const dir = mkdtempSync(path.join(tmpdir(), "parallax-bench-archive-"));
try {
  const file = path.join(dir, "archive.jsonl");
  await writeArchiveCorpus(file, articles);
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  for (const run of ["first load", "rerun"]) {
    const started = performance.now();
    const report = await importArchive(file, {
      db,
      onProgress: (p) => process.stderr.write(`\r${run}: ${p.lines} lines`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    const events = await db.event.count({ where: { mergedIntoId: null, articleCount: { gt: 0 } } });
    console.log(
      `${run}: ${articles} lines in ${seconds.toFixed(1)} s = ${Math.round(articles / seconds)} articles/s; ` +
        `${report.counts.new} new, ${report.counts.duplicate} duplicate, ${report.counts.failed} failed; ${events} events\n` +
        `  store ${(report.ms.store / 1000).toFixed(1)} s, cluster ${(report.ms.cluster / 1000).toFixed(1)} s, compare ${(report.ms.compare / 1000).toFixed(1)} s`,
    );
  }
  await db.$disconnect();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

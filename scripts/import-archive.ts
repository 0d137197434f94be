// npm run import:archive -- FILE.jsonl[.gz]   Bulk-loads an article archive: one JSON object a line,
// {url, title, text, publishedAt, source}; see lib/pipeline/archive.ts.
import { existsSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { exitWhenFlushed } from "@/lib/cli/exit";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { formatArchiveReport, importArchive } from "@/lib/pipeline/archive";

const USAGE = `usage: npm run import:archive -- FILE.jsonl[.gz]
  One JSON object a line: {"url", "title", "text", "publishedAt", "source"} (title and text required; source is a
  domain or an outlet name). Lines that fail are listed with their line numbers; the rest load. A rerun adds nothing.`;
const args = await parseCliArgs(
  z.object({
    positionals: z.array(z.string().min(1)).length(1, USAGE),
    values: z.object({ help: z.boolean().optional() }),
  }),
  { help: { type: "boolean", short: "h" } },
  USAGE,
);
if (args.values.help) {
  console.log(USAGE);
  throw await exitWhenFlushed(0);
}
const file = args.positionals[0];
if (!existsSync(file)) {
  console.error(`no such file: ${file}`);
  throw await exitWhenFlushed(2);
}

const { db } = await openMigratedDb();
// The bar goes to stderr and only on a terminal, so piped output stays a clean summary.
const bar = process.stderr.isTTY
  ? new SingleBar({
      format: "import [{bar}] {percentage}% {lines} lines, {stored} stored, {failed} failed, {rate} articles/s",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    })
  : null;
const started = performance.now();
bar?.start(1, 0, { lines: 0, stored: 0, failed: 0, rate: 0 });
const report = await importArchive(file, {
  db,
  onProgress({ bytes, totalBytes, lines, counts }) {
    const stored = counts.new + counts.updated + counts.duplicate;
    bar?.setTotal(Math.max(totalBytes, 1));
    bar?.update(bytes, {
      lines,
      stored,
      failed: counts.failed,
      rate: Math.round(stored / ((performance.now() - started) / 1000)),
    });
  },
});
bar?.stop();
await db.$disconnect();
const seconds = (performance.now() - started) / 1000;
console.log(formatArchiveReport(report));
console.log(`${seconds.toFixed(1)} s, ${Math.round((report.lines - report.counts.failed) / seconds)} articles/s`);
await exitWhenFlushed(report.counts.failed > 0 ? 1 : 0);

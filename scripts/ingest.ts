// npm run ingest -- <path|url>...   Imports folders, .html/.html.gz/.txt page dumps and article URLs.
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { formatReport } from "@/lib/pipeline/report";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { openMigratedDb } from "@/lib/cli/open-db";
import { exitWhenFlushed } from "@/lib/cli/exit";

const args = z
  .array(z.string().min(1))
  .min(1, "usage: npm run ingest -- <folder|file|url>...")
  .safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  throw await exitWhenFlushed(2);
}

const { env, db } = await openMigratedDb();

// The bar goes to stderr and only on a terminal, so piped output stays a clean summary.
const bar = process.stderr.isTTY
  ? new SingleBar({
      format: "ingest [{bar}] {value}/{total} {current}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    })
  : null;
let started = false;
const report = await ingestInputs(args.data, {
  db,
  allowHosts: env.FETCH_ALLOW_HOSTS,
  onProgress(done, total, current) {
    if (!bar) return;
    if (!started) {
      bar.start(total, 0, { current: "" });
      started = true;
    }
    bar.update(done, { current: current.length > 50 ? `…${current.slice(-49)}` : current });
  },
});
bar?.stop();
await db.$disconnect();
console.log(formatReport(report));
await exitWhenFlushed(report.counts.failed > 0 ? 1 : 0);

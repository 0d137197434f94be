// `npm run recluster [-- --force]`: drops every event and rebuilds them from the stored articles in arrival order.
import { z } from "zod";
import { eventsWithEditorialWork, reclusterAll } from "@/lib/cluster/recluster";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";

const USAGE = "usage: npm run recluster [-- --force]";
const args = await parseCliArgs(
  z.object({ positionals: z.array(z.string()).max(0, USAGE), values: z.object({ force: z.boolean().default(false) }) }),
  { force: { type: "boolean" } },
  USAGE,
);

async function main() {
  const { db } = await openMigratedDb();
  try {
    const curated = await eventsWithEditorialWork(db);
    if (curated > 0 && !args.values.force) {
      console.error(
        `${curated} events carry editors' decisions (tags, merges, splits, titles, pins); a rebuild drops them. Run with --force to rebuild anyway.`,
      );
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    const r = await reclusterAll(db, { onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`) });
    process.stderr.write("\n");
    console.log(
      `${r.articles} articles in ${r.events} events (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

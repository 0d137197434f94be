// `npm run recluster`: drops every event and rebuilds them from the stored articles in arrival order.
import { reclusterAll } from "@/lib/cluster/recluster";
import { openMigratedDb } from "@/lib/cli/open-db";

async function main() {
  const { db } = await openMigratedDb();
  try {
    const started = performance.now();
    const r = await reclusterAll(db, { onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`) });
    process.stderr.write("\n");
    console.log(`${r.articles} articles in ${r.events} events (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

// `npm run recluster`: drops every event and rebuilds them from the stored articles in arrival order.
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { parseEnv } from "@/lib/env-schema";
import { reclusterAll } from "@/lib/cluster/recluster";

async function main() {
  const env = parseEnv(process.env);
  await applyMigrations(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
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

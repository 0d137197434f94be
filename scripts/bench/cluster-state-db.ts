// `npx tsx scripts/bench/cluster-state-db.ts DATABASE_URL [ARTICLES]`: how long saving the clusterer's index in a
// PostgreSQL database and loading it back take (lib/cluster/saved-state.ts, what a worker taking clustering over
// does first), for a synthetic stream of ARTICLES (default 20,000) placed without the second pass. The database
// is migrated first; its saved index is replaced. Prints the state's size raw and stored, and both times.
import { exitWhenFlushed } from "@/lib/cli/exit";
import { createClusterer } from "@/lib/cluster/clusterer";
import { loadSavedState, saveState } from "@/lib/cluster/saved-state";
import { encodeState } from "@/lib/cluster/state-file";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { providerOf } from "@/lib/db/url";
import { syntheticStream } from "@/scripts/bench/cluster/synthetic-stream";

const [url, count = "20000"] = process.argv.slice(2);
if (!url || providerOf(url) !== "postgresql" || !/^\d+$/.test(count)) {
  console.error("usage: npx tsx scripts/bench/cluster-state-db.ts postgresql://… [ARTICLES]");
  await exitWhenFlushed(2);
}
await applyMigrations(url);
const db = createDb(url);
const clusterer = createClusterer();
let events = 0;
const t0 = performance.now();
for (const item of syntheticStream({ articles: Number(count) }).items())
  clusterer.ingest(item.article, () => `e${++events}`, clusterer.features(item.article));
console.log(
  `${count} articles placed in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${clusterer.eventCount} events`,
);
const raw = encodeState(clusterer.exportState()).reduce((n, b) => n + b.length, 0);
const generation = 1_000_000 + Number(count);
const t1 = performance.now();
await saveState(db, clusterer, generation);
const saveMs = performance.now() - t1;
const [{ stored, parts }] = await db.$queryRawUnsafe<{ stored: number; parts: number }[]>(
  `SELECT sum(length(data))::float8 AS stored, count(*)::int AS parts FROM "ClusterStateChunk"`,
);
const t2 = performance.now();
const loaded = await loadSavedState(db, undefined, generation, (why) => console.error(why));
const loadMs = performance.now() - t2;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
console.log(
  `state ${mb(raw)} raw, ${mb(stored)} stored in ${parts} parts; save ${(saveMs / 1000).toFixed(1)} s, ` +
    `load ${(loadMs / 1000).toFixed(1)} s${loaded ? "" : " (NOT LOADED)"}`,
);
await db.$disconnect();

// `npm run bench:cluster:scale [-- ARTICLES]`: the production clusterer on a deterministic synthetic stream
// (default 200,000 articles of 300–600 words, Zipf vocabulary and event sizes, two months of dates). Prints the
// per-article time as the store grows (placement and the second pass that ingest runs after every article, as in
// lib/cluster/assign-event.ts), sustained throughput, peak memory, restart (save + restore) time after
// 100,000 articles with a check that the restored state continues exactly as the uninterrupted one, and B³-F1
// against the generator's events. It starts with the feature time alone (which also warms the tokeniser's memo
// with the stream's vocabulary, as the first few thousand articles would) and ends with clustering time as a
// multiple of feature time: on a machine whose speed swings between runs, the ratio is what compares.
// `--config JSON` runs another configuration (checked against the clusterer's options) and `--placement-only`
// leaves out the second pass: together they measure what a stripped-down clusterer would cost.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { createClusterer } from "@/lib/cluster/clusterer";
import { clustererConfigArg } from "@/scripts/bench/cluster/config-schema";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { secondPass } from "@/lib/cluster/second-pass";
import { articleFeatures } from "@/lib/cluster/features";
import { bcubed } from "@/scripts/bench/cluster/metrics";
import { readStateFile, writeStateFile } from "@/lib/cluster/state-file";
import { syntheticStream, type SyntheticItem } from "@/scripts/bench/cluster/synthetic-stream";

const USAGE = "usage: npm run bench:cluster:scale [-- ARTICLES] [--config JSON] [--placement-only]";
const args = await parseCliArgs(
  z.object({
    positionals: z
      .array(
        z
          .string()
          .regex(/^\d+$/, `ARTICLES: a whole number\n${USAGE}`)
          .transform(Number)
          .pipe(z.number().min(2_000, `ARTICLES: at least 2000\n${USAGE}`)),
      )
      .max(1, USAGE),
    values: z.object({ config: clustererConfigArg.optional(), "placement-only": z.boolean().default(false) }),
  }),
  { config: { type: "string" }, "placement-only": { type: "boolean" } },
  USAGE,
);
const config = args.values.config ?? {};
// Without the second pass: what placement alone costs (the clusterer's floor), not what the app runs.
const placementOnly = args.values["placement-only"];
const total = args.positionals[0] ?? 200_000;
const checkpoints = [10_000, 50_000, 100_000, 200_000].filter((n) => n <= total);
const restartAt = Math.min(100_000, Math.floor(total / 2));
const window = 2_000;

const stream = syntheticStream({ articles: total });
console.log(`${stream.total} articles in ${stream.events} synthetic events`);
calibrate();
const clusterer = createClusterer(config);
if (args.values.config || placementOnly)
  console.log(`config ${JSON.stringify(config)}, ${placementOnly ? "placement only" : "with the second pass"}`);
let events = 0;
const newId = () => `e${++events}`;
let peakRss = 0;
let ingestMs = 0;
let featureMs = 0;
let mergeMs = 0;
let windowMs = 0;
const predicted: string[] = [];
const gold: number[] = [];
let n = 0;
// Articles timed: the restart check places 500 more through both clusterers, untimed.
let timed = 0;
const pending: SyntheticItem[] = [];
const iterator = stream.items();

for (const item of iterator) {
  const t0 = performance.now();
  const f = clusterer.features(item.article);
  const t1 = performance.now();
  const { eventId } = clusterer.ingest(item.article, newId, f);
  const t15 = performance.now();
  if (!placementOnly) secondPass(clusterer, eventId, newId);
  const t2 = performance.now();
  mergeMs += t2 - t15;
  featureMs += t1 - t0;
  ingestMs += t2 - t0;
  windowMs += t2 - t0;
  predicted.push(item.article.id);
  gold.push(item.gold);
  n++;
  timed++;
  if (n % window === 0) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (checkpoints.includes(n)) {
      console.log(
        `${String(n).padStart(7)} stored: ${((windowMs / window) * 1000).toFixed(0)} µs/article over the last ${window}` +
          ` (features ${((featureMs / timed) * 1000).toFixed(0)} µs mean), ${clusterer.eventCount} events, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
      );
    }
    windowMs = 0;
  }
  if (n === restartAt) {
    restartCheck();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // A restarted process holds one clusterer; this one holds the check's second one until a major GC, which
    // can come long after: collect it (with --expose-gc) so the later figures measure one clusterer.
    globalThis.gc?.();
  }
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const b = bcubed(
  predicted.map((id) => clusterer.eventOf(id) ?? id),
  gold.map(String),
);
const clustering = placementOnly ? "placement, no second pass" : "placement + second pass";
console.log(
  `sustained ${((timed / ingestMs) * 1000).toFixed(0)} articles/s (features + ${clustering}), features ${((featureMs / timed) * 1000).toFixed(0)} µs/article,` +
    ` placement ${(((ingestMs - featureMs - mergeMs) / timed) * 1000).toFixed(0)} µs/article, second pass ${((mergeMs / timed) * 1000).toFixed(0)} µs/article`,
);
console.log(
  `clustering (${clustering}) takes ${((ingestMs - featureMs) / featureMs).toFixed(2)}× the feature time: the figure to compare across runs,` +
    ` as this machine's speed swings between runs by more than most changes`,
);
console.log(
  `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB; ${clusterer.eventCount} events vs ${stream.events} generated; B3 P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}`,
);

/** Feature time alone, on articles of another seed before any clustering (best of three rounds). */
function calibrate() {
  const sample = [...syntheticStream({ articles: 2_000, seed: 7 }).items()].map((x) => x.article);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (const article of sample) articleFeatures(article);
    best = Math.min(best, performance.now() - t);
  }
  console.log(`calibration: features alone ${((best / sample.length) * 1000).toFixed(0)} µs/article`);
}

/** Saves the state, restores it into a second clusterer, and checks that both place the next articles alike. */
function restartCheck() {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-bench-"));
  const file = path.join(dir, "state.bin");
  const s0 = performance.now();
  const bytes = writeStateFile(file, clusterer.exportState());
  const s1 = performance.now();
  const restored = createClusterer(config);
  restored.restoreState(readStateFile(file));
  const s2 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  // The next articles through both: the restored state must place them exactly as the original does.
  for (let i = 0; i < 500; i++) {
    const next = iterator.next();
    if (next.done) break;
    pending.push(next.value);
  }
  let k = events;
  let same = 0;
  for (const item of pending) {
    const restoredId = () => `e${++k}`;
    const a = restored.ingest(item.article, restoredId);
    const b = clusterer.ingest(item.article, newId);
    if (!placementOnly) {
      secondPass(restored, a.eventId, restoredId);
      secondPass(clusterer, b.eventId, newId);
    }
    // Where the article is after the second pass, which may have merged its event or split it off.
    if (
      a.eventId === b.eventId &&
      a.similarity === b.similarity &&
      restored.eventOf(item.article.id) === clusterer.eventOf(item.article.id)
    )
      same++;
    predicted.push(item.article.id);
    gold.push(item.gold);
    n++;
  }
  console.log(
    `restart after ${restartAt}: save ${((s1 - s0) / 1000).toFixed(2)} s (${(bytes / 2 ** 20).toFixed(0)} MB), restore ${((s2 - s1) / 1000).toFixed(2)} s;` +
      ` next ${pending.length} articles placed identically: ${same}/${pending.length}`,
  );
}

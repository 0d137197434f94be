// `tsx scripts/bench-cluster-tune.ts '<ClustererConfig JSON>' ...`: B³-F1 on both corpora for each config, to
// measure one change at a time (development tool; the figure that counts is `npm run bench:cluster`).
import { parseClustererConfig } from "@/lib/cluster/config-schema";
import { readLabelledCorpus } from "@/lib/cluster/corpus";
import { evaluate, productionFactory } from "@/lib/cluster/evaluate";

const seeds = [1, 2, 3, 4, 5];
const args = process.argv.slice(2).length ? process.argv.slice(2) : ["{}"];
// Every config is checked before the first run: a misspelt option would otherwise measure the defaults.
let configs: ReturnType<typeof parseClustererConfig>[];
try {
  configs = args.map(parseClustererConfig);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const corpora = ["ecbplus.jsonl", "uci-headlines.jsonl"].map((n) => [n.split(".")[0], readLabelledCorpus(n)] as const);
for (const [i, config] of configs.entries()) {
  const arg = args[i];
  const out = corpora.map(([name, corpus]) => {
    const e = evaluate(corpus, productionFactory(config), seeds);
    return `${name} P ${e.bcubed.precision.toFixed(3)} R ${e.bcubed.recall.toFixed(3)} F1 ${e.bcubed.f1.toFixed(3)} (${e.events.toFixed(0)} ev, ${e.articlesPerSecond.toFixed(0)}/s)`;
  });
  console.log(arg.padEnd(40), out.join("  |  "));
}

// `tsx scripts/bench/cluster-tune.ts '<ClustererConfig JSON>' ...`: B³-F1 on both corpora for each config, to
// measure one change at a time (development tool; the figure that counts is `npm run bench:cluster`).
import { z } from "zod";
import { clustererConfigArg } from "@/scripts/bench/cluster/config-schema";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { evaluate, productionFactory } from "@/scripts/bench/cluster/evaluate";
import { parseCliArgs } from "@/lib/cli/parse-args";

const USAGE = "usage: tsx scripts/bench/cluster-tune.ts '<ClustererConfig JSON>' ...";
const seeds = [1, 2, 3, 4, 5];
// Every config is checked before the first run: a misspelt option would otherwise measure the defaults.
const { positionals: configs } = await parseCliArgs(
  z.object({ positionals: z.array(clustererConfigArg), values: z.object({}) }),
  {},
  USAGE,
);
if (!configs.length) configs.push({});
const corpora = ["ecbplus.jsonl", "uci-headlines.jsonl"].map((n) => [n.split(".")[0], readLabelledCorpus(n)] as const);
for (const config of configs) {
  const out = corpora.map(([name, corpus]) => {
    const e = evaluate(corpus, productionFactory(config), seeds);
    return `${name} P ${e.bcubed.precision.toFixed(3)} R ${e.bcubed.recall.toFixed(3)} F1 ${e.bcubed.f1.toFixed(3)} (${e.events.toFixed(0)} ev, ${e.articlesPerSecond.toFixed(0)}/s)`;
  });
  console.log(JSON.stringify(config).padEnd(40), out.join("  |  "));
}

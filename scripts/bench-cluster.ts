// `npm run bench:cluster`: clustering quality and speed on the shared labelled corpora, for the production
// clusterer and the plain TF-IDF baseline, each averaged over the same five seeded arrival orders.
import { createBaselineClusterer } from "@/lib/cluster/baseline";
import { readLabelledCorpus } from "@/lib/cluster/corpus";
import { evaluate, productionFactory, type ClustererFactory } from "@/lib/cluster/evaluate";

const seeds = [1, 2, 3, 4, 5];
const corpora = ["ecbplus.jsonl", "uci-headlines.jsonl"];

const clusterers: Record<string, ClustererFactory> = {
  production: productionFactory(),
  baseline: () => {
    const place = createBaselineClusterer();
    return (article) => String(place(article));
  },
};

const f = (x: number) => x.toFixed(3);
const rows: string[][] = [["corpus", "clusterer", "B3-P", "B3-R", "B3-F1", "pair-F1", "events", "gold", "articles/s"]];
for (const name of corpora) {
  const corpus = readLabelledCorpus(name);
  const gold = new Set(corpus.map((x) => x.gold)).size;
  for (const [label, factory] of Object.entries(clusterers)) {
    const e = evaluate(corpus, factory, seeds);
    rows.push([name, label, f(e.bcubed.precision), f(e.bcubed.recall), f(e.bcubed.f1), f(e.pairwise.f1), e.events.toFixed(1), String(gold), e.articlesPerSecond.toFixed(0)]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`mean over ${seeds.length} seeded shuffles (seeds ${seeds.join(", ")})`);
for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));

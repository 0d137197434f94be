// `npm run bench:cluster [-- --losses]`: clustering quality and speed on the shared labelled corpora, for the
// production clusterer and the plain TF-IDF baseline, each averaged over the same five seeded arrival orders.
// `--losses` also prints, per corpus, the gold events that carry most of the production clusterer's B³ loss.
import { z } from "zod";
import { createBaselineClusterer } from "@/scripts/bench/cluster/baseline";
import { readLabelledCorpus, type LabelledArticle } from "@/scripts/bench/cluster/corpus";
import { evaluate, productionFactory, type ClustererFactory, type Evaluation } from "@/scripts/bench/cluster/evaluate";
import { parseCliArgs } from "@/lib/cli/parse-args";

const USAGE = "usage: npm run bench:cluster [-- --losses]";
const args = await parseCliArgs(
  z.object({
    positionals: z.array(z.string()).max(0, USAGE),
    values: z.object({ losses: z.boolean().default(false) }),
  }),
  { losses: { type: "boolean" } },
  USAGE,
);

const seeds = [1, 2, 3, 4, 5];
const corpora = ["ecbplus.jsonl", "uci-headlines.jsonl"];
/** Gold events listed per corpus by `--losses`. */
const lossRows = 8;

const clusterers: Record<string, ClustererFactory> = {
  production: productionFactory(),
  baseline: () => {
    const place = createBaselineClusterer();
    return (article) => String(place(article));
  },
};

const f = (x: number) => x.toFixed(3);
const rows: string[][] = [["corpus", "clusterer", "B3-P", "B3-R", "B3-F1", "pair-F1", "events", "gold", "articles/s"]];
const losses: string[] = [];
for (const name of corpora) {
  const corpus = readLabelledCorpus(name);
  const gold = new Set(corpus.map((x) => x.gold)).size;
  for (const [label, factory] of Object.entries(clusterers)) {
    const e = evaluate(corpus, factory, seeds);
    rows.push([
      name,
      label,
      f(e.bcubed.precision),
      f(e.bcubed.recall),
      f(e.bcubed.f1),
      f(e.pairwise.f1),
      e.events.toFixed(1),
      String(gold),
      e.articlesPerSecond.toFixed(0),
    ]);
    if (args.values.losses && label === "production") losses.push(...lossReport(name, corpus, e));
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`mean over ${seeds.length} seeded shuffles (seeds ${seeds.join(", ")})`);
for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
if (losses.length) console.log(losses.join("\n"));

/**
 * The gold events with the largest share of the B³ loss. A precision share means other stories were put with the
 * event; a recall share means the event was torn apart. Each is shown by its first article's title.
 */
function lossReport(name: string, corpus: LabelledArticle[], e: Evaluation): string[] {
  const events = new Map<string, { title: string; size: number }>();
  for (const x of corpus) {
    let event = events.get(x.gold);
    if (!event) {
      event = { title: x.article.title, size: 0 };
      events.set(x.gold, event);
    }
    event.size++;
  }
  const top = [...e.loss]
    .sort((a, b) => b[1].precision + b[1].recall - (a[1].precision + a[1].recall))
    .slice(0, lossRows);
  return [
    `\n${name}: B³ loss (1 − P ${f(1 - e.bcubed.precision)}, 1 − R ${f(1 - e.bcubed.recall)}), the ${lossRows} gold events carrying most of it`,
    ...top.map(
      ([g, l]) =>
        `  P ${l.precision.toFixed(4)}  R ${l.recall.toFixed(4)}  ${g.slice(0, 14).padEnd(14)} ${String(events.get(g)!.size).padStart(4)} articles  ${events.get(g)!.title.slice(0, 70)}`,
    ),
  ];
}

// `npm run bench:cluster:hindsight`: the best the clusterer's features can do on the labelled corpora, offline and
// with hindsight (see scripts/bench/cluster/hindsight.ts), beside which `npm run bench:cluster`'s online figures are read.
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { articleFeatures } from "@/lib/cluster/features";
import { hindsightSweep, nearestNeighbourAgreement, similarityMatrix } from "@/scripts/bench/cluster/hindsight";

const thresholds = [0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
for (const name of ["ecbplus.jsonl", "uci-headlines.jsonl"]) {
  const corpus = readLabelledCorpus(name);
  const gold = corpus.map((x) => x.gold);
  const s = similarityMatrix(corpus.map((x) => articleFeatures(x.article)));
  const sweep = hindsightSweep(s, gold, thresholds);
  const best = sweep.reduce((a, b) => (b.scores.f1 > a.scores.f1 ? b : a));
  console.log(
    `${name}: nearest neighbour in the same gold event for ${(100 * nearestNeighbourAgreement(s, gold)).toFixed(1)}% of articles`,
  );
  for (const { threshold, scores } of sweep) {
    const mark = threshold === best.threshold ? "  <- best" : "";
    console.log(
      `  average linkage at ${threshold.toFixed(2)}: B3-P ${scores.precision.toFixed(3)} R ${scores.recall.toFixed(3)} F1 ${scores.f1.toFixed(3)}${mark}`,
    );
  }
}

// A reference for the online clusterer's quality figures: the same features compared every article with every
// other, document frequencies from the whole corpus, and the corpus clustered offline with hindsight (no arrival
// order, the threshold chosen against the gold labels). How often an article's nearest neighbour shares its gold
// event says how much the features tell apart pair by pair; how far a plain batch method gets says how much of
// that a global similarity threshold can use.
import { bcubed, type Scores } from "./metrics";
import type { ArticleFeatures } from "@/lib/cluster/types";
import { dotIdf, normIdf, type Sparse } from "./vectors";

/** Cosine similarities of every pair of articles, with IDF over the whole corpus; row-major, n × n. */
export function similarityMatrix(features: ArticleFeatures[]): Float64Array {
  const n = features.length;
  const df = new Map<string, number>();
  for (const f of features) for (const t in f.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((n + 1) / df.get(t)!);
  const vectors: Sparse[] = features.map((f) => new Map(Object.entries(f.terms)));
  const norms = vectors.map((v) => normIdf(v, idf));
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const norm = norms[i] * norms[j];
      s[i * n + j] = s[j * n + i] = norm ? dotIdf(vectors[i], vectors[j], idf) / norm : 0;
    }
  }
  return s;
}

/** Share of articles whose most similar other article has the same gold label. */
export function nearestNeighbourAgreement(s: Float64Array, gold: readonly string[]): number {
  const n = gold.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < n; j++) if (j !== i && (best < 0 || s[i * n + j] > s[i * n + best])) best = j;
    if (best >= 0 && gold[best] === gold[i]) agree++;
  }
  return n ? agree / n : 1;
}

/**
 * Average-linkage agglomerative clustering, stopped when no two clusters are `threshold` similar on average; a
 * label per article. Cluster similarities are updated in place (Lance–Williams), so each merge costs O(n).
 */
export function averageLinkage(s: Float64Array, n: number, threshold: number): string[] {
  const sim = Float64Array.from(s);
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const label = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) if (alive[j] && sim[i * n + j] > best) [best, bi, bj] = [sim[i * n + j], i, j];
    }
    if (bi < 0 || best < threshold) break;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const merged = (sim[bi * n + k] * size[bi] + sim[bj * n + k] * size[bj]) / (size[bi] + size[bj]);
      sim[bi * n + k] = sim[k * n + bi] = merged;
    }
    size[bi] += size[bj];
    alive[bj] = 0;
    for (let k = 0; k < n; k++) if (label[k] === bj) label[k] = bi;
  }
  return label.map(String);
}

/** B³ scores of average linkage at each threshold, against the gold labels. */
export function hindsightSweep(
  s: Float64Array,
  gold: readonly string[],
  thresholds: number[],
): { threshold: number; scores: Scores }[] {
  return thresholds.map((threshold) => ({
    threshold,
    scores: bcubed(averageLinkage(s, gold.length, threshold), gold),
  }));
}

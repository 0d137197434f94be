// Clustering quality against gold labels: B-cubed (Bagga & Baldwin 1998), which scores every article by how
// clean and complete its own cluster is, and pairwise, which scores every pair of articles.

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function contingency(predicted: readonly string[], gold: readonly string[]) {
  if (predicted.length !== gold.length)
    throw new Error(`${predicted.length} predictions for ${gold.length} gold labels`);
  const cell = new Map<string, number>();
  const pred = new Map<string, number>();
  const real = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    const key = JSON.stringify([predicted[i], gold[i]]);
    cell.set(key, (cell.get(key) ?? 0) + 1);
    pred.set(predicted[i], (pred.get(predicted[i]) ?? 0) + 1);
    real.set(gold[i], (real.get(gold[i]) ?? 0) + 1);
  }
  return { cell, pred, real };
}

/** B-cubed precision, recall and F1, averaged over articles; `predicted[i]` and `gold[i]` label article i. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): Scores {
  const n = predicted.length;
  if (!n) return { precision: 1, recall: 1, f1: 1 };
  const { cell, pred, real } = contingency(predicted, gold);
  let p = 0;
  let r = 0;
  // Every article in cell (c, g) has the same |C ∩ G| = n_cg, so sum per cell instead of per article.
  for (const [key, n_cg] of cell) {
    const [c, g] = JSON.parse(key) as [string, string];
    p += (n_cg * n_cg) / pred.get(c)!;
    r += (n_cg * n_cg) / real.get(g)!;
  }
  return { precision: p / n, recall: r / n, f1: f1(p / n, r / n) };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Precision and recall over pairs of articles placed together; 1 when there are no pairs to get wrong. */
export function pairwise(predicted: readonly string[], gold: readonly string[]): Scores {
  const { cell, pred, real } = contingency(predicted, gold);
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (const k of cell.values()) tp += pairs(k);
  for (const k of pred.values()) predPairs += pairs(k);
  for (const k of real.values()) goldPairs += pairs(k);
  const precision = predPairs ? tp / predPairs : 1;
  const recall = goldPairs ? tp / goldPairs : 1;
  return { precision, recall, f1: f1(precision, recall) };
}

/**
 * Where the B-cubed loss lies: per gold label, its articles' shortfall from perfect precision and recall, each
 * divided by the number of articles, so that the labels' shares sum to 1 − precision and 1 − recall. A label with a
 * large precision share had other stories put with it; one with a large recall share was torn apart.
 */
export function bcubedLoss(
  predicted: readonly string[],
  gold: readonly string[],
): Map<string, { precision: number; recall: number }> {
  const n = predicted.length;
  const { cell, pred, real } = contingency(predicted, gold);
  const out = new Map<string, { precision: number; recall: number }>();
  for (const g of real.keys()) out.set(g, { precision: 0, recall: 0 });
  for (const [key, n_cg] of cell) {
    const [c, g] = JSON.parse(key) as [string, string];
    const loss = out.get(g)!;
    loss.precision += (n_cg * (1 - n_cg / pred.get(c)!)) / n;
    loss.recall += (n_cg * (1 - n_cg / real.get(g)!)) / n;
  }
  return out;
}

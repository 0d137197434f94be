// The best two-way split of a small event, by spectral bisection of its members' nearest-neighbour graph.
//
// Two events of one kind (two earthquakes, two Oscar-host announcements) share most of their vocabulary, and once
// one article of the second has joined the first, the rest follow it there: the event's profile now matches both.
// Yet an article's nearest neighbour is nearly always from its own event (98.6% on ECB+), so in a graph that links
// each member to its few most similar members the two stories hang together by a handful of edges, where the
// members of one story are linked all over. The normalised cut of that graph's Fiedler partition measures it:
// near 0 for two stories, far higher for one (a lone outlier costs a cut of ~1, which is what "normalised" buys).

export interface SpectralCut {
  /** Per member, true for the members on the side that does not hold member 0. */
  side: Uint8Array;
  /** Normalised cut of the partition (cut / volume of one side + cut / volume of the other); Infinity when none. */
  ncut: number;
  /** Mean similarity across the partition over the mean within its sides (all pairs, not only the graph's). */
  contrast: number;
}

/**
 * Splits `n` members in two given their pairwise similarities: `full[i * n + j]`, symmetric, at least 0, the
 * diagonal ignored. Each member is linked to its `k` most similar members (an edge when either picks the other,
 * weighted by the similarity); the partition is the best sweep cut along the graph's Fiedler vector with at least
 * `minSide` members a side. Deterministic: a fixed start vector and stopping rule.
 */
export function spectralCut(n: number, full: Float64Array, k: number, minSide: number): SpectralCut {
  const none: SpectralCut = { side: new Uint8Array(n), ncut: Infinity, contrast: 1 };
  if (n < 2 * minSide || n < 2) return none;
  // Each member's k-th best similarity: it keeps the edges at least that strong (both ways, `full` is symmetric).
  const w = new Float64Array(n * n);
  const row = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0, r = 0; j < n; j++) if (j !== i) row[r++] = full[i * n + j];
    row.sort();
    const cutoff = row[Math.max(0, n - 1 - Math.min(k, n - 1))];
    for (let j = 0; j < n; j++)
      if (j !== i && full[i * n + j] >= cutoff && full[i * n + j] > 0) w[i * n + j] = w[j * n + i] = full[i * n + j];
  }
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) degree[i] += w[i * n + j];
  for (let i = 0; i < n; i++) if (degree[i] === 0) return none; // an unlinked member: no similarity to judge by
  const fiedler = fiedlerVector(n, w, degree);
  const cut = bestSweep(n, w, degree, fiedler, minSide);
  let across = 0;
  let acrossPairs = 0;
  let within = 0;
  let withinPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (cut.side[i] !== cut.side[j]) {
        across += full[i * n + j];
        acrossPairs++;
      } else {
        within += full[i * n + j];
        withinPairs++;
      }
    }
  }
  const meanWithin = within / Math.max(1, withinPairs);
  return { ...cut, contrast: meanWithin > 0 ? across / Math.max(1, acrossPairs) / meanWithin : 1 };
}

/**
 * The eigenvector of the second largest eigenvalue of D^-½ W D^-½, scaled back by D^-½. Power iteration on the
 * matrix plus the identity (eigenvalues in [0, 2]) with the top eigenvector (D^½ 1) projected out each step, over
 * the graph's edges only (a member has about `k` to 2`k` of them), until the vector settles.
 */
function fiedlerVector(n: number, w: Float64Array, degree: Float64Array): Float64Array {
  const rootDegree = degree.map(Math.sqrt);
  const start: number[] = [0];
  const to: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!w[i * n + j]) continue;
      to.push(j);
      weight.push(w[i * n + j] / (rootDegree[i] * rootDegree[j]));
    }
    start.push(to.length);
  }
  let rootNorm = 0;
  for (let i = 0; i < n; i++) rootNorm += degree[i];
  rootNorm = Math.sqrt(rootNorm);
  const root = rootDegree.map((x) => x / rootNorm);
  let v = new Float64Array(n);
  // A fixed start that is not orthogonal to any particular partition.
  for (let i = 0; i < n; i++) v[i] = ((i * 7919) % 13) - 6 + 0.5;
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < 500; iteration++) {
    let proj = 0;
    for (let i = 0; i < n; i++) proj += v[i] * root[i];
    for (let i = 0; i < n; i++) v[i] -= proj * root[i];
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let s = v[i];
      for (let e = start[i]; e < start[i + 1]; e++) s += weight[e] * v[to[e]];
      next[i] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= norm;
      change = Math.max(change, Math.abs(next[i] - v[i]));
    }
    [v, next] = [next, v];
    if (change < 1e-6) break;
  }
  for (let i = 0; i < n; i++) v[i] /= rootDegree[i];
  return v;
}

/** The sweep cut along `order` with the least normalised cut (at least `minSide` members a side). */
function bestSweep(
  n: number,
  w: Float64Array,
  degree: Float64Array,
  key: Float64Array,
  minSide: number,
): Omit<SpectralCut, "contrast"> {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a] - key[b] || a - b);
  let volume = 0;
  for (let i = 0; i < n; i++) volume += degree[i];
  const inA = new Uint8Array(n);
  let cut = 0;
  let volA = 0;
  let best = Infinity;
  let bestAt = -1;
  for (let p = 0; p < n - 1; p++) {
    const i = order[p];
    inA[i] = 1;
    volA += degree[i];
    for (let j = 0; j < n; j++) if (j !== i && w[i * n + j]) cut += inA[j] ? -w[i * n + j] : w[i * n + j];
    if (Math.min(p + 1, n - p - 1) < minSide) continue;
    const ncut = cut / volA + cut / (volume - volA);
    if (ncut < best) [best, bestAt] = [ncut, p];
  }
  const side = new Uint8Array(n);
  if (bestAt < 0) return { side, ncut: Infinity };
  for (let p = 0; p <= bestAt; p++) side[order[p]] = 1;
  // Member 0 (the event's first) stays on side 0.
  if (side[0]) for (let i = 0; i < n; i++) side[i] ^= 1;
  return { side, ncut: Math.max(0, best) };
}

// Sparse vectors over integer term ids, packed into typed arrays: comparisons are array walks rather than string
// hash lookups, and a stored article costs 12 bytes a term.
import type { TermIndex } from "./term-index";

export interface Packed {
  ids: Int32Array;
  w: Float64Array;
}

/** The `limit` heaviest entries of (id, weight) pairs by `key`, ties by id, returned sorted by id. */
export function topPacked(ids: ArrayLike<number>, w: ArrayLike<number>, limit: number, key?: (i: number) => number): Packed {
  const n = ids.length;
  if (n <= limit) {
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1] < ids[i];
    if (sorted) return { ids: Int32Array.from(ids), w: Float64Array.from(w) };
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let chosen: Int32Array = order;
  if (n > limit) {
    // Selection by cutoff (a native numeric sort of the keys) rather than a comparator sort of all entries.
    const k = new Float64Array(n);
    for (let i = 0; i < n; i++) k[i] = key ? key(i) : w[i];
    const cutoff = k.slice().sort()[n - limit];
    const above: number[] = [];
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      if (k[i] > cutoff) above.push(i);
      else if (k[i] === cutoff) ties.push(i);
    }
    ties.sort((a, b) => ids[a] - ids[b]);
    for (let i = 0; above.length < limit; i++) above.push(ties[i]);
    chosen = Int32Array.from(above);
  }
  chosen.sort((a, b) => ids[a] - ids[b]);
  const out = { ids: new Int32Array(chosen.length), w: new Float64Array(chosen.length) };
  for (let i = 0; i < chosen.length; i++) {
    out.ids[i] = ids[chosen[i]];
    out.w[i] = w[chosen[i]];
  }
  return out;
}

/** Euclidean norm with IDF applied at the terms' current weights. */
export function idfNorm(v: Packed, terms: TermIndex): number {
  let sum = 0;
  for (let i = 0; i < v.ids.length; i++) {
    const x = v.w[i] * terms.idf(v.ids[i]);
    sum += x * x;
  }
  return Math.sqrt(sum);
}

/**
 * A query article spread over a dense scratch array (term id → weight × IDF²), so that its dot product with any
 * stored vector is one array read per stored term. `clear()` resets only the slots it set.
 */
export class DenseQuery {
  private dense = new Float64Array(1024);
  private set: number[] = [];

  load(v: Packed, terms: TermIndex): void {
    this.clear();
    if (this.dense.length < terms.size) this.dense = new Float64Array(Math.max(terms.size, this.dense.length * 2));
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i];
      const idf = terms.idf(id);
      this.dense[id] = v.w[i] * idf * idf;
      this.set.push(id);
    }
  }

  dot(v: Packed): number {
    const d = this.dense;
    let sum = 0;
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i];
      if (id < d.length) sum += v.w[i] * d[id];
    }
    return sum;
  }

  clear(): void {
    for (const id of this.set) this.dense[id] = 0;
    this.set.length = 0;
  }
}

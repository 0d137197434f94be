// Sparse vectors over integer term ids, packed into typed arrays: comparisons are array walks rather than string
// hash lookups, and a stored article costs 12 bytes a term.
import type { TermIndex } from "./term-index";

export interface Packed {
  ids: Int32Array;
  w: Float64Array;
}

// Sorting positions by id with a comparator calls back into JS for every comparison; packing (id, position) into
// one double and sorting a Float64Array natively does the same in a fraction of the time. Exact while
// id × 2^21 + position < 2^53: ids below 2^31, vectors shorter than 2^21 entries.
const positionBits = 2 ** 21;

/** Positions of `chosen` entries ordered by id (ids distinct within a vector, ties would go by position). */
function byId(ids: ArrayLike<number>, chosen: ArrayLike<number>): Float64Array {
  const keys = new Float64Array(chosen.length);
  for (let i = 0; i < chosen.length; i++) keys[i] = ids[chosen[i]] * positionBits + chosen[i];
  return keys.sort();
}

/**
 * The k-th smallest value (0-based) of `a`, which it reorders: the value a full sort would put at `k`, found by
 * partitioning (Hoare's scheme, robust to the many equal weights of rounded features) in linear expected time
 * where the cutoffs used to sort whole vectors of hundreds of terms to read one position.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * The `limit` heaviest entries of (id, weight) pairs, by weight or (given `terms`) by weight × IDF, ties by id,
 * returned sorted by id.
 */
export function topPacked(
  ids: ArrayLike<number>,
  w: ArrayLike<number>,
  limit: number,
  terms?: Pick<TermIndex, "idf">,
): Packed {
  const n = ids.length;
  if (n <= limit) {
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1] < ids[i];
    if (sorted) return { ids: Int32Array.from(ids), w: Float64Array.from(w) };
  }
  let chosen: ArrayLike<number>;
  if (n > limit) {
    // Selection by cutoff (a native numeric sort of the keys) rather than a comparator sort of all entries.
    const k = new Float64Array(n);
    if (terms) for (let i = 0; i < n; i++) k[i] = w[i] * terms.idf(ids[i]);
    else for (let i = 0; i < n; i++) k[i] = w[i];
    const cutoff = kthSmallest(k.slice(), n - limit);
    const above: number[] = [];
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      if (k[i] > cutoff) above.push(i);
      else if (k[i] === cutoff) ties.push(i);
    }
    const tiesById = byId(ids, ties);
    for (let i = 0; above.length < limit; i++) above.push(tiesById[i] % positionBits);
    chosen = above;
  } else {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    chosen = all;
  }
  const order = byId(ids, chosen);
  const out = { ids: new Int32Array(order.length), w: new Float64Array(order.length) };
  for (let i = 0; i < order.length; i++) {
    const at = order[i] % positionBits;
    out.ids[i] = ids[at];
    out.w[i] = w[at];
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
 *
 * A bitset of the query's terms (one bit per term id, so it stays in cache where the dense array of a large
 * vocabulary does not) is read first: most stored terms are not in the query, and skipping their zero products
 * leaves every sum exactly as it was (x + 0 = x).
 */
export class DenseQuery {
  private dense = new Float64Array(1024);
  private bits = new Int32Array(1024 / 32);
  private set: number[] = [];

  load(v: Packed, terms: TermIndex): void {
    this.clear();
    if (this.dense.length < terms.size) {
      const size = Math.max(terms.size, this.dense.length * 2);
      this.dense = new Float64Array(size);
      this.bits = new Int32Array(Math.ceil(size / 32));
    }
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i];
      const idf = terms.idf(id);
      this.dense[id] = v.w[i] * idf * idf;
      this.bits[id >>> 5] |= 1 << (id & 31);
      this.set.push(id);
    }
  }

  dot(v: Packed): number {
    const d = this.dense;
    const bits = this.bits;
    const ids = v.ids;
    const w = v.w;
    let sum = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id < d.length && (bits[id >>> 5] >>> (id & 31)) & 1) sum += w[i] * d[id];
    }
    return sum;
  }

  clear(): void {
    for (const id of this.set) {
      this.dense[id] = 0;
      this.bits[id >>> 5] = 0;
    }
    this.set.length = 0;
  }
}

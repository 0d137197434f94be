// Append-only lists of event indexes per term id, all in one Int32Array pool. A JS array per term cost ~180 bytes
// even for the commonest case, a term carried by one event (an empty array grows to 17 slots on its first push);
// here a list costs its slots (doubling, abandoned on growth) and 12 bytes of bookkeeping, and stays contiguous
// for the newest-first scan of candidate lookup.
import { grownTo } from "./grown";

export class PostingLists {
  /** Where each term's list starts in `pool`, its length and its reserved slots. */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private capacity = new Int32Array(1024);
  pool = new Int32Array(1 << 16);
  private used = 0;

  /** Lists as stored by `lists()`: list i is `values[offsets[i]..offsets[i + 1]]`. */
  static fromLists(offsets: Int32Array, values: Int32Array): PostingLists {
    const p = new PostingLists();
    const terms = offsets.length - 1;
    p.reserveTerms(terms);
    p.pool = new Int32Array(Math.max(values.length * 2, 1 << 16));
    p.pool.set(values);
    p.used = values.length;
    for (let id = 0; id < terms; id++) {
      p.start[id] = offsets[id];
      p.length[id] = p.capacity[id] = offsets[id + 1] - offsets[id];
    }
    return p;
  }

  /** Every list in term order, for `fromLists`. */
  lists(terms: number): { offsets: Int32Array; values: Int32Array } {
    const offsets = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) offsets[id + 1] = offsets[id] + this.size(id);
    const values = new Int32Array(offsets[terms]);
    for (let id = 0; id < terms; id++)
      values.set(this.pool.subarray(this.start[id], this.start[id] + this.size(id)), offsets[id]);
    return { offsets, values };
  }

  /** Number of entries of a term's list (0 for a term never added to). */
  size(id: number): number {
    return id < this.length.length ? this.length[id] : 0;
  }

  /** Position in `pool` of a term's first (oldest) entry. */
  first(id: number): number {
    return this.start[id];
  }

  add(id: number, value: number): void {
    this.reserveTerms(id + 1);
    const n = this.length[id];
    if (n === this.capacity[id]) {
      const capacity = Math.max(1, n * 2);
      this.pool = grownTo(this.pool, this.used + capacity);
      this.pool.copyWithin(this.used, this.start[id], this.start[id] + n);
      this.start[id] = this.used;
      this.capacity[id] = capacity;
      this.used += capacity;
    }
    this.pool[this.start[id] + n] = value;
    this.length[id] = n + 1;
  }

  private reserveTerms(count: number): void {
    for (const key of ["start", "length", "capacity"] as const) this[key] = grownTo(this[key], count);
  }
}

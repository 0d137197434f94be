// Stored vectors (members and their gate terms) as views into large shared chunks. A typed array of its own costs
// an ArrayBuffer object and a native allocation besides its data (~250 bytes on top of the object), four times per
// stored article; members are never freed, so chunks need no reclaiming.
import type { Packed } from "./packed-vector";

const empty: Packed = { ids: new Int32Array(0), w: new Float64Array(0) };

export class VectorPool {
  private ids = new Int32Array(0);
  private w = new Float64Array(0);
  private used = 0;

  constructor(private readonly chunk = 1 << 18) {}

  /** A copy of `v` in the pool. */
  copy(v: Packed): Packed {
    const n = v.ids.length;
    if (n === 0) return empty;
    if (this.used + n > this.ids.length) {
      const size = Math.max(this.chunk, n);
      this.ids = new Int32Array(size);
      this.w = new Float64Array(size);
      this.used = 0;
    }
    const ids = this.ids.subarray(this.used, this.used + n);
    const w = this.w.subarray(this.used, this.used + n);
    ids.set(v.ids);
    w.set(v.w);
    this.used += n;
    return { ids, w };
  }
}

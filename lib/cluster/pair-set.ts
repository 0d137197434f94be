// A set of (event index, term id) pairs: which terms already make each event findable. One open-addressing table
// of two Int32Arrays instead of a JS Set per event (~30 bytes an entry plus the Set), for as many entries as there
// are postings.

export class PairSet {
  private a = new Int32Array(1 << 12).fill(-1);
  private b = new Int32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private slot(x: number, y: number): number {
    const mask = this.a.length - 1;
    let i = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    i = (i ^ (i >>> 15)) & mask;
    while (this.a[i] !== -1 && (this.a[i] !== x || this.b[i] !== y)) i = (i + 1) & mask;
    return i;
  }

  has(x: number, y: number): boolean {
    return this.a[this.slot(x, y)] !== -1;
  }

  /** Adds the pair (both non-negative); false when it was already there. */
  add(x: number, y: number): boolean {
    const i = this.slot(x, y);
    if (this.a[i] !== -1) return false;
    this.a[i] = x;
    this.b[i] = y;
    if (++this.count * 2 > this.a.length) this.grow();
    return true;
  }

  /** Every pair's second element grouped by first, for firsts below `firsts`: list x is `values[offsets[x]..offsets[x + 1]]`. */
  grouped(firsts: number): { offsets: Int32Array; values: Int32Array } {
    const offsets = new Int32Array(firsts + 1);
    for (let i = 0; i < this.a.length; i++) if (this.a[i] !== -1) offsets[this.a[i] + 1]++;
    for (let x = 0; x < firsts; x++) offsets[x + 1] += offsets[x];
    const fill = offsets.slice(0, firsts);
    const values = new Int32Array(offsets[firsts]);
    for (let i = 0; i < this.a.length; i++) if (this.a[i] !== -1) values[fill[this.a[i]]++] = this.b[i];
    return { offsets, values };
  }

  private grow(): void {
    const [a, b] = [this.a, this.b];
    this.a = new Int32Array(a.length * 2).fill(-1);
    this.b = new Int32Array(a.length * 2);
    for (let i = 0; i < a.length; i++) {
      if (a[i] === -1) continue;
      const j = this.slot(a[i], b[i]);
      this.a[j] = a[i];
      this.b[j] = b[i];
    }
  }
}

// Terms as dense integer ids with their document frequencies, and IDF weights refreshed in epochs.
//
// Why epochs: IDF depends on the document count, which changes with every article, so exact IDF would make every
// cached norm stale at once. The table is recomputed whenever the count has grown by `epochGrowth` (after every
// document while the collection is small, where IDF moves fast), which keeps norms cacheable between refreshes. The
// refresh points depend only on the sequence of added documents, so a state rebuilt by replaying the same documents
// (restore, recluster) sees the same IDF as the one that was never interrupted.
import { grownTo } from "./grown";

export interface TermIndexOptions {
  /** Background documents assumed to lack every term (see ClustererOptions.idfPriorDocs). */
  priorDocs: number;
  /** IDF is raised to this power. */
  power: number;
  /** Relative growth of the document count that triggers a refresh once past `exactDocs`. */
  epochGrowth: number;
  /** Below this many documents the table is refreshed after every document. */
  exactDocs: number;
}

/** Everything a TermIndex holds, for saving it (see `ClustererSnapshot`). */
export interface TermIndexSnapshot {
  names: string[];
  df: Int32Array;
  /** The IDF table as of the last refresh, for the ids that existed then (later ids read as unseen). */
  table: Float64Array;
  docs: number;
  epoch: number;
  unseen: number;
  nextRefreshAt: number;
}

// No string → id map: the clusterer finds its ids from the tokeniser's process-wide ids (term-ids.ts) by array,
// and a second map of every term was as large as that one again.
export class TermIndex {
  readonly names: string[] = [];
  private df = new Int32Array(1024);
  docs = 0;
  /** Bumped at every refresh: cached norms carry the epoch they were computed in. */
  epoch = 0;
  private table = new Float64Array(0);
  private unseen = 1;
  private nextRefreshAt = 0;

  constructor(private readonly options: TermIndexOptions) {
    this.refresh();
  }

  /** The same index as the one saved: IDF is loaded as it was, not recomputed from today's frequencies. */
  static load(options: TermIndexOptions, s: TermIndexSnapshot): TermIndex {
    const t = new TermIndex(options);
    for (const name of s.names) t.names.push(name);
    t.df = new Int32Array(Math.max(1024, s.names.length));
    t.df.set(s.df);
    t.table = new Float64Array(Math.max(s.table.length, s.names.length)).fill(s.unseen);
    t.table.set(s.table);
    t.docs = s.docs;
    t.epoch = s.epoch;
    t.unseen = s.unseen;
    t.nextRefreshAt = s.nextRefreshAt;
    return t;
  }

  snapshot(): TermIndexSnapshot {
    const n = this.names.length;
    return {
      names: this.names,
      df: this.df.slice(0, n),
      table: this.table.slice(0, Math.min(n, this.table.length)),
      docs: this.docs,
      epoch: this.epoch,
      unseen: this.unseen,
      nextRefreshAt: this.nextRefreshAt,
    };
  }

  /**
   * The id of a term not yet in the index (the caller knows it is new). Only adding documents creates ids, so ids
   * depend on the added documents only.
   */
  add(term: string): number {
    const id = this.names.length;
    this.names.push(term);
    this.df = grownTo(this.df, id + 1);
    return id;
  }

  get size(): number {
    return this.names.length;
  }

  /** Counts one document holding these (distinct) term ids. */
  addDocument(ids: ArrayLike<number>): void {
    this.docs++;
    for (let i = 0; i < ids.length; i++) this.df[ids[i]]++;
    if (this.docs >= this.nextRefreshAt) this.refresh();
  }

  /** IDF of a term id as of the last refresh; ids created since count as never seen then. */
  idf(id: number): number {
    return id < this.table.length ? this.table[id] : this.unseen;
  }

  /** IDF of a term never added. */
  get unseenIdf(): number {
    return this.unseen;
  }

  private weight(df: number): number {
    const w = Math.log((this.docs + this.options.priorDocs + 1) / (df + 1)) + 1;
    return this.options.power === 1 ? w : w ** this.options.power;
  }

  private refresh(): void {
    const n = this.names.length;
    if (this.table.length < n) this.table = new Float64Array(Math.max(n, this.table.length * 2));
    // Memoised by df: most terms are rare, so a handful of logarithms cover most of the vocabulary.
    const memo = new Float64Array(Math.min(this.docs + 2, 1 << 16)).fill(NaN);
    for (let id = 0; id < n; id++) {
      const df = this.df[id];
      let w = df < memo.length ? memo[df] : NaN;
      if (Number.isNaN(w)) {
        w = this.weight(df);
        if (df < memo.length) memo[df] = w;
      }
      this.table[id] = w;
    }
    // Slots past the vocabulary (table over-allocated) read as unseen.
    this.unseen = this.weight(0);
    this.table.fill(this.unseen, n);
    this.epoch++;
    const { exactDocs, epochGrowth } = this.options;
    this.nextRefreshAt = this.docs < exactDocs ? this.docs + 1 : Math.ceil(this.docs * (1 + epochGrowth));
  }
}

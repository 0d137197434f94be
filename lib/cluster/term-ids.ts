// Process-wide integer ids for terms, given when a term is first produced (tokenised, or read from stored
// features), and the id form of an article's features. A clusterer keys its own term index by arrival order (what a
// saved state refers to), and maps these ids onto it through a typed array: an article's terms then reach the
// index without a string hash lookup each, which was a good part of placing an article. The ids live in this
// process only; nothing stores them.
import type { ArticleFeatures } from "./types";

const ids = new Map<string, number>();
/** Term of each id. */
export const termNames: string[] = [];

/** The id of a term, creating it on first sight. */
export function termId(term: string): number {
  let id = ids.get(term);
  if (id === undefined) {
    id = termNames.length;
    ids.set(term, id);
    termNames.push(term);
  }
  return id;
}

/** An article's features as term ids and weights, in the order of the `terms` record's keys. */
export interface TermVector {
  ids: Int32Array;
  w: Float64Array;
}

// Features are values: the id form is computed with them (articleFeatures) or on first use (features read back
// from the database), and kept beside them rather than on them, so that their JSON stays as it is.
const vectors = new WeakMap<ArticleFeatures, TermVector>();

/** Records the id form that `articleFeatures` computed along with the record. */
export function rememberTermVector(f: ArticleFeatures, v: TermVector): void {
  vectors.set(f, v);
}

/** The id form of the features, in the record's key order. */
export function termVectorOf(f: ArticleFeatures): TermVector {
  let v = vectors.get(f);
  if (!v) {
    const keys = Object.keys(f.terms);
    v = { ids: new Int32Array(keys.length), w: new Float64Array(keys.length) };
    for (let i = 0; i < keys.length; i++) {
      v.ids[i] = termId(keys[i]);
      v.w[i] = f.terms[keys[i]];
    }
    vectors.set(f, v);
  }
  return v;
}

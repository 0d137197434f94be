// Process-wide integer ids for terms, given when a term is first produced (tokenised, or read from stored
// features), and the id form of an article's features. A clusterer keys its own term index by arrival order (what a
// saved state refers to), and maps these ids onto it through a typed array: an article's terms then reach the
// index without a string hash lookup each, which was a good part of placing an article. The ids live in this
// process only; nothing stores them.
import type { ArticleFeatures } from "./types";
import { grownTo } from "./grown";

const ids = new Map<string, number>();
/** Term of each id. */
export const termNames: string[] = [];
/**
 * Per id, the term's first three UTF-16 code units as one number (a missing unit counts 0): comparing two of these
 * orders terms as comparing the strings would, unless they are equal, and then only the strings can tell.
 */
let termPrefixes = new Float64Array(1024);

/** The id of a term, creating it on first sight. */
export function termId(term: string): number {
  let id = ids.get(term);
  if (id === undefined) {
    id = termNames.length;
    ids.set(term, id);
    termNames.push(term);
    if (id >= termPrefixes.length) termPrefixes = grownTo(termPrefixes, id + 1);
    termPrefixes[id] =
      (term.charCodeAt(0) || 0) * 2 ** 32 + (term.charCodeAt(1) || 0) * 2 ** 16 + (term.charCodeAt(2) || 0);
  }
  return id;
}

/** Orders two term ids as their terms compare as strings (`<`). */
export function compareTerms(a: number, b: number): number {
  const d = termPrefixes[a] - termPrefixes[b];
  if (d !== 0) return d;
  const x = termNames[a];
  const y = termNames[b];
  return x < y ? -1 : x > y ? 1 : 0;
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

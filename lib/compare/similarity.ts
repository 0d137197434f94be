// TF-IDF vectors over an event's sentences (each sentence a document) and their cosine. Rare shared words
// (names, numbers, "three-hour") weigh most; words every outlet uses in every sentence ("Ukraine") weigh little.
import { contentTerms } from "./terms";

export type Vector = Map<string, number>;

export interface VectorSpace {
  vectors: Vector[];
  /** Term → indices of the texts that contain it. */
  postings: Map<string, number[]>;
}

export function buildVectors(texts: readonly string[]): VectorSpace {
  const termLists = texts.map((t) => contentTerms(t));
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, i) => {
    for (const t of new Set(terms)) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const n = texts.length;
  const vectors = termLists.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / postings.get(t)!.length);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return { vectors, postings };
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) sum += w * x;
  }
  return sum;
}

/** Pairs (i < j) that share at least one term, with their cosine; `keep` filters candidate pairs before scoring. */
export function similarPairs(
  space: VectorSpace,
  minSimilarity: number,
  keep: (i: number, j: number) => boolean,
): { i: number; j: number; similarity: number }[] {
  const seen = new Set<number>();
  const out: { i: number; j: number; similarity: number }[] = [];
  const n = space.vectors.length;
  // A term in a fifth of all sentences ("Ukraine" in a Ukraine story) weighs next to nothing; as a source of
  // candidate pairs it would cost quadratic time in big events, so only rarer terms propose pairs.
  const maxPosting = Math.max(50, Math.ceil(n * 0.2));
  for (const list of space.postings.values()) {
    if (list.length > maxPosting) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        const id = i * n + j;
        if (seen.has(id)) continue;
        seen.add(id);
        if (!keep(i, j)) continue;
        const similarity = cosine(space.vectors[i], space.vectors[j]);
        if (similarity >= minSimilarity) out.push({ i, j, similarity });
      }
    }
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.i - b.i || a.j - b.j);
}

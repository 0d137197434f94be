// Sparse vectors as Maps from term to weight, with IDF applied at comparison time so that early articles are
// judged with the document frequencies known now, not those known when they arrived.

export type Sparse = Map<string, number>;

export function dotIdf(a: Sparse, b: Sparse, idf: (term: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) {
      const i = idf(t);
      dot += w * v * i * i;
    }
  }
  return dot;
}

export function normIdf(a: Sparse, idf: (term: string) => number): number {
  let sum = 0;
  for (const [t, w] of a) {
    const x = w * idf(t);
    sum += x * x;
  }
  return Math.sqrt(sum);
}

export function cosineIdf(a: Sparse, b: Sparse, idf: (term: string) => number, normA?: number): number {
  const na = normA ?? normIdf(a, idf);
  const nb = normIdf(b, idf);
  return na && nb ? dotIdf(a, b, idf) / (na * nb) : 0;
}

/** The `limit` heaviest entries; ties broken by term so that the result does not depend on insertion order. */
export function topEntries(a: Sparse, limit: number): [string, number][] {
  const entries = [...a];
  entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return entries.slice(0, limit);
}

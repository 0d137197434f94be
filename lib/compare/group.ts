// Agglomerative grouping with one member per article: the most similar pair is joined first, and two groups merge
// only when they hold no article in common and are, on average, still alike (average linkage), which stops a
// chain of loosely related sentences from collapsing into one group.
export interface GroupingItem {
  articleId: number;
}

export function groupItems(
  items: readonly GroupingItem[],
  pairs: readonly { i: number; j: number; similarity: number }[],
  similarity: (i: number, j: number) => number,
  minAverage: number,
): number[][] {
  const groupOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  for (const { i, j } of pairs) {
    const a = groupOf[i];
    const b = groupOf[j];
    if (a === b) continue;
    const ma = members.get(a)!;
    const mb = members.get(b)!;
    const articles = new Set(ma.map((k) => items[k].articleId));
    if (mb.some((k) => articles.has(items[k].articleId))) continue;
    let sum = 0;
    for (const x of ma) for (const y of mb) sum += similarity(x, y);
    if (sum / (ma.length * mb.length) < minAverage) continue;
    const merged = [...ma, ...mb].sort((x, y) => x - y);
    members.set(a, merged);
    members.delete(b);
    for (const k of mb) groupOf[k] = a;
  }
  return [...members.values()];
}

/** The member most similar to all others: the group's most representative wording. */
export function centralMember(group: readonly number[], similarity: (i: number, j: number) => number): number {
  let best = group[0];
  let bestScore = -Infinity;
  for (const x of group) {
    let score = 0;
    for (const y of group) if (x !== y) score += similarity(x, y);
    if (score > bestScore) {
      best = x;
      bestScore = score;
    }
  }
  return best;
}

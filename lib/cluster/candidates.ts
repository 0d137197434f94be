// Candidate search: the live events an article (or an event's profile) could join, found through the posting
// lists of its heaviest terms and scored by their profiles, the best few re-scored with the member link.
import { centroidNorm, liveIndex, localId, memberNorm, type ClusterState, type EventState } from "./cluster-state";
import { idfNorm, kthSmallest, topPacked, type Packed } from "./packed-vector";
import { termVectorOf } from "./term-ids";
import { timeDecay } from "./time-decay";
import type { ArticleFeatures } from "./types";

export type Scored = { e: EventState; s: number };
export const byScore = (a: Scored, b: Scored) => b.s - a.s || a.e.index - b.e.index;

/** The article as a query: known terms packed, and its full norm (unknown terms count with unseen IDF). */
export function queryOf(s: ClusterState, f: ArticleFeatures): { vector: Packed; norm: number; size: number } {
  const ids: number[] = [];
  const w: number[] = [];
  const tv = termVectorOf(f);
  let unknown = 0;
  for (let i = 0; i < tv.ids.length; i++) {
    const id = localId(s, tv.ids[i]);
    if (id < 0) unknown += tv.w[i] * tv.w[i];
    else {
      ids.push(id);
      w.push(tv.w[i]);
    }
  }
  const vector = topPacked(ids, w, Infinity);
  const u = s.terms.unseenIdf;
  const norm = Math.sqrt(idfNorm(vector, s.terms) ** 2 + unknown * u * u);
  // Every term counts towards the article's length, known or not: new words are a new story's, and counting them
  // as one made an article of new names look short, so that it joined an event at the headline threshold.
  return { vector, norm, size: tv.ids.length };
}

/** Live events sharing the query's heaviest terms, best overlap first, at most `maxCandidates`. */
function candidates(s: ClusterState, vector: Packed, exclude?: EventState): EventState[] {
  const { options, terms, postings, byIndex } = s;
  const top = topPacked(vector.ids, vector.w, options.candidateTerms, terms);
  if (s.candidateScore.length < byIndex.length)
    s.candidateScore = new Float64Array(Math.max(byIndex.length, s.candidateScore.length * 2));
  const candidateScore = s.candidateScore;
  const touched: number[] = [];
  for (let k = 0; k < top.ids.length; k++) {
    const size = postings.size(top.ids[k]);
    if (!size) continue;
    const w = top.w[k] * terms.idf(top.ids[k]);
    const list = postings.pool;
    const oldest = postings.first(top.ids[k]);
    for (let i = oldest + size - 1, seen = 0; i >= oldest && seen < options.maxPostings; i--, seen++) {
      const idx = liveIndex(s, list[i]);
      if (candidateScore[idx] === 0) touched.push(idx);
      candidateScore[idx] += w;
    }
  }
  const best = bestCandidates(s, touched, options.maxCandidates + (exclude ? 1 : 0));
  const out: EventState[] = [];
  for (const idx of best) if (out.length < options.maxCandidates && byIndex[idx] !== exclude) out.push(byIndex[idx]);
  for (const idx of touched) candidateScore[idx] = 0;
  return out;
}

/**
 * The `limit` best of the touched events by `candidateScore` (ties by index), best first: what sorting them all
 * would put first. Thousands of events are touched per article at scale; a comparator sort of all of them
 * was most of the lookup, where a native quickselect finds the cutoff and only the few above it are sorted.
 */
function bestCandidates(s: ClusterState, touched: number[], limit: number): number[] {
  const candidateScore = s.candidateScore;
  const order = (a: number, b: number) => candidateScore[b] - candidateScore[a] || a - b;
  const n = touched.length;
  if (n <= limit) return touched.sort(order);
  // Plain loops over a reused scratch array, not a callback per touched event three times over: clustering time
  // 1.735 → 1.663 times the feature time, back to back at 40k synthetic articles.
  if (s.touchedScores.length < n) s.touchedScores = new Float64Array(Math.max(n, s.touchedScores.length * 2));
  const scores = s.touchedScores.subarray(0, n);
  for (let i = 0; i < n; i++) scores[i] = candidateScore[touched[i]];
  const cutoff = kthSmallest(scores, n - limit);
  const best: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    const sc = candidateScore[touched[i]];
    if (sc > cutoff) best.push(touched[i]);
    else if (sc === cutoff) ties.push(touched[i]);
  }
  ties.sort((a, b) => a - b);
  for (let i = 0; best.length < limit && i < ties.length; i++) best.push(ties[i]);
  return best.sort(order);
}

/** Candidates scored by centroid, best first. Loads `query`, which the caller clears. */
export function centroidScored(
  s: ClusterState,
  vector: Packed,
  norm: number,
  t: number | null,
  exclude?: EventState,
): Scored[] {
  const { query, terms, options } = s;
  query.load(vector, terms);
  const list = candidates(s, vector, exclude).map((e) => {
    const cn = centroidNorm(s, e);
    const sim = cn ? query.dot(e.centroid) / (norm * cn) : 0;
    return { e, s: sim * timeDecay(t, e.first, e.last, options.time) };
  });
  return list.sort(byScore);
}

/** The candidates the member link re-scores: the best few by centroid, of more than one member. */
export function linkable(s: ClusterState, list: Scored[]): Scored[] {
  const options = s.options;
  return options.memberLink > 0 ? list.slice(0, options.linkCandidates).filter((c) => c.e.members.length >= 2) : [];
}

/**
 * Candidates scored by centroid, the best few re-scored with the member link; best first. Only scores from `floor`
 * up are exact: a candidate whose member link could not lift it to `floor` even if a member matched perfectly
 * keeps its centroid part alone, below `floor`, and its members are never read. Reading them was most of the
 * time of the second pass, whose candidates are mostly other stories that cannot reach its merge threshold.
 */
export function scored(
  s: ClusterState,
  vector: Packed,
  norm: number,
  t: number | null,
  exclude: EventState,
  floor: number,
): Scored[] {
  const list = centroidScored(s, vector, norm, t, exclude);
  for (const c of linkable(s, list))
    c.s = linkBound(s, c, t) < floor ? (1 - s.options.memberLink) * c.s : linked(s, c, norm, t);
  s.query.clear();
  return list.sort(byScore);
}

/**
 * The blended score with the newest members, from the centroid score `c.s`: the mean of their `linkTop` best
 * similarities (see `memberLinkTop`); `query` loaded.
 */
export function linked(s: ClusterState, c: Scored, norm: number, t: number | null, linkTop = 1): number {
  const { options, query, topLinks } = s;
  // The k best similarities, descending (k is small: an insertion into a short array).
  const k = Math.min(linkTop, c.e.members.length);
  topLinks.fill(0, 0, k);
  for (let i = Math.max(0, c.e.members.length - options.maxMembersLinked); i < c.e.members.length; i++) {
    const m = c.e.members[i];
    const mn = memberNorm(s, m);
    if (!mn) continue;
    let sim = query.dot(m.vector) / (norm * mn);
    for (let j = 0; j < k && sim > 0; j++) {
      if (sim <= topLinks[j]) continue;
      const lower = topLinks[j];
      topLinks[j] = sim;
      sim = lower;
    }
  }
  let link = 0;
  for (let j = 0; j < k; j++) link += topLinks[j];
  return (
    (1 - options.memberLink) * c.s + options.memberLink * (link / k) * timeDecay(t, c.e.first, c.e.last, options.time)
  );
}

/** What `linked` could give at most, whatever `linkTop`: members matching perfectly (cosine 1, with room for rounding). */
export function linkBound(s: ClusterState, c: Scored, t: number | null): number {
  const options = s.options;
  return (
    (1 - options.memberLink) * c.s + options.memberLink * (1 + 1e-9) * timeDecay(t, c.e.first, c.e.last, options.time)
  );
}

// The join rule: which event an article joins, if any. The best candidate at the article's threshold (a headline's
// is lower than a full text's) that passes the rule's vetoes, shared terms and the entity gate.
import { byScore, centroidScored, linkBound, linkable, linked, queryOf, type Scored } from "./candidates";
import { centroidNorm, memberNorm, type ClusterState, type EventState, type GateQuery } from "./cluster-state";
import { entityAgreement, gateQueryOf, gateQueryOfPacked } from "./entity-gate";
import type { Packed } from "./packed-vector";
import { timeDecay } from "./time-decay";
import type { ArticleFeatures, Assignment } from "./types";

/**
 * The join threshold and the member link's count of best members for an article of `size` terms: a headline's
 * (see `shortThreshold`, `memberLinkTop`), a full text's, or between.
 */
function joinRule(s: ClusterState, size: number): { threshold: number; linkTop: number } {
  const options = s.options;
  const fill = Math.min(1, size / options.fullTerms);
  return {
    threshold: options.shortThreshold + (options.threshold - options.shortThreshold) * fill,
    linkTop: Math.max(1, Math.round(options.memberLinkTop + (1 - options.memberLinkTop) * fill)),
  };
}

/**
 * The event to join: among the candidates, best first (centroid blended with the member link), the first at the
 * threshold whose dates and numbers agree (see `entityGate`; one that shares only the vocabulary is a sister
 * event); else none, with the best similarity.
 *
 * The member link is computed lazily, candidate by candidate in the order of what it could give at most
 * (`linkBound`), and only until no candidate left could come before the one found: the others cannot change the
 * answer. Usually the article's own event scores above what any other candidate could reach, and the members of
 * those (87% of the linked candidates on the synthetic stream) are never read. The answer and its similarity are
 * those of scoring every candidate in full.
 */
export function assignFeatures(s: ClusterState, f: ArticleFeatures, publishedAt: Date | null | undefined): Assignment {
  const { vector, norm, size } = queryOf(s, f);
  if (!norm) return { eventId: null, similarity: 0 };
  const { threshold, linkTop } = joinRule(s, size);
  const t = publishedAt ? publishedAt.getTime() : null;
  const list = centroidScored(s, vector, norm, t);
  try {
    if (!list.length) return { eventId: null, similarity: 0 };
    const pending = linkable(s, list).map((c) => ({ c, bound: linkBound(s, c, t) }));
    pending.sort((a, b) => b.bound - a.bound);
    const unscored = new Set(pending.map((p) => p.c));
    let gate: GateQuery | null = null;
    const gateOnce = () => (gate ??= gateQueryOf(s, f));
    // Asked again at every step of the loop below: settled once per candidate.
    const allowed = new Map<Scored, boolean>();
    const passes = (c: Scored) => {
      let ok = allowed.get(c);
      if (ok === undefined) {
        ok = mayJoin(s, vector, c.e, gateOnce);
        allowed.set(c, ok);
      }
      return ok;
    };
    for (let next = 0; ; next++) {
      const scoredSoFar = list.filter((c) => !unscored.has(c)).sort(byScore);
      const choice = scoredSoFar.find((c) => c.s >= threshold && passes(c)) ?? null;
      const reach = next < pending.length ? pending[next].bound : -Infinity;
      // A candidate still unscored comes before `choice` only if it could score above it.
      if (choice && reach < choice.s) return { eventId: choice.e.id, similarity: choice.s };
      // Nothing can join: the best similarity is exact once no unscored candidate could exceed it.
      const best = scoredSoFar.length ? scoredSoFar[0].s : -Infinity;
      if (!choice && reach < threshold && reach < best) return { eventId: null, similarity: best };
      if (next === pending.length) return { eventId: null, similarity: best };
      const c = pending[next].c;
      c.s = linked(s, c, norm, t, linkTop);
      unscored.delete(c);
    }
  } finally {
    s.query.clear();
  }
}

/**
 * The join rule's vetoes, whatever the similarity: too few terms shared with the event's profile (see
 * `minSharedTerms`), or dates and numbers that disagree with its members (see `entityGate`). `gate` gives the
 * article's gate terms, asked for only when the gate has to judge.
 */
function mayJoin(s: ClusterState, vector: Packed, e: EventState, gate: () => GateQuery): boolean {
  const options = s.options;
  if (options.minSharedTerms > 0 && sharedTerms(vector, e.centroid) < options.minSharedTerms) return false;
  return options.entityGate <= 0 || entityAgreement(s, gate(), e) >= options.entityGate;
}

/**
 * The similarity with which a singleton event `o`'s article would join `e` now, by the join rule; else null.
 * `sim` is the profiles' similarity, about the article's own with `e` (its vector is its event's profile).
 */
export function rejoinScore(s: ClusterState, o: EventState, e: EventState, sim: number): number | null {
  const { options, query } = s;
  const m = o.members[0];
  const { threshold, linkTop } = joinRule(s, m.vector.ids.length);
  // Far below its join threshold, the member link cannot lift the article there. Reading the event's members for
  // every lone article among the candidates took the second pass from 131 to 391 µs per article at 40k.
  if (sim < 0.5 * threshold) return null;
  const norm = memberNorm(s, m);
  if (!norm) return null;
  query.load(m.vector, s.terms);
  const cn = centroidNorm(s, e);
  const c: Scored = {
    e,
    s: (cn ? query.dot(e.centroid) / (norm * cn) : 0) * timeDecay(m.t, e.first, e.last, options.time),
  };
  if (options.memberLink > 0 && e.members.length >= 2) c.s = linked(s, c, norm, m.t, linkTop);
  query.clear();
  return c.s >= threshold && mayJoin(s, m.vector, e, () => gateQueryOfPacked(s, m.vector)) ? c.s : null;
}

/** Terms two id-sorted vectors have in common. */
function sharedTerms(a: Packed, b: Packed): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

// The second pass's merges: events whose profiles now match closely enough to be one story, or a lone article
// that would now join another event by the join rule (see `rejoinSingletons` in clusterer-options.ts).
import { scored } from "./candidates";
import { centroidNorm, memberFill, type ClusterState, type EventState } from "./cluster-state";
import { entityAgreement, gateQueryOfPacked } from "./entity-gate";
import { wouldSplit } from "./event-split";
import { rejoinScore } from "./join-rule";

export type MergePair = { survivor: string; other: string; similarity: number };

/** The pair of two events as a merge: the older survives. */
const olderFirst = (a: EventState, b: EventState, similarity: number): MergePair =>
  a.index < b.index ? { survivor: a.id, other: b.id, similarity } : { survivor: b.id, other: a.id, similarity };

export function mergeCandidates(
  s: ClusterState,
  eventIds: string[],
  threshold = s.options.threshold,
  shortThreshold = threshold,
): MergePair[] {
  const options = s.options;
  const out: MergePair[] = [];
  // Two events of headlines share few words even when they are one story, as two headlines do: the threshold
  // interpolates by the fuller of the two events' articles, as the join threshold does by the article's terms.
  const at = (fill: number) => shortThreshold + (threshold - shortThreshold) * fill;
  for (const id of eventIds) {
    const e = s.events.get(id);
    if (!e || e.mergedInto !== null || !e.members.length) continue;
    const norm = centroidNorm(s, e);
    if (!norm) continue;
    const t = e.last;
    const fill = memberFill(s, e);
    // A merge moves a whole event: two sister events must not meet through it when one article could not.
    const gate = options.entityGate > 0 ? gateQueryOfPacked(s, e.centroid) : null;
    const rejoin = options.rejoinSingletons && e.members.length >= 2;
    for (const { e: o, s: sim } of scored(s, e.centroid, norm, t, e, at(fill))) {
      if (rejoin && o.members.length === 1) {
        const sj = rejoinScore(s, o, e, sim);
        if (sj !== null) out.push(olderFirst(o, e, sj));
        continue;
      }
      if (sim < at(fill)) {
        if (rejoin) continue;
        break;
      }
      if (sim < at(Math.max(fill, memberFill(s, o)))) continue;
      if (gate && entityAgreement(s, gate, o) < options.entityGate) continue;
      if (wouldSplit(s, e, o)) continue;
      out.push(olderFirst(o, e, sim));
    }
  }
  return out;
}

// The entity gate (see `entityGate` in clusterer-options.ts): an article joins an event only when its dates and
// numbers agree with the event's newest members; two events of one kind share their words, not their numbers.
import type { ClusterState, EventState, GateQuery } from "./cluster-state";
import { localId } from "./cluster-state";
import { grownTo } from "./grown";
import type { Packed } from "./packed-vector";
import { termNames, termVectorOf } from "./term-ids";
import type { ArticleFeatures } from "./types";

function isGated(s: ClusterState, id: number): boolean {
  if (id >= s.gateFlag.length) {
    s.gateFlag = grownTo(s.gateFlag, id + 1);
    s.gateQuery = new Float64Array(s.gateFlag.length);
  }
  let f = s.gateFlag[id];
  if (f === 0) f = s.gateFlag[id] = s.gateKinds.has(s.terms.names[id].charCodeAt(0)) ? 1 : 2;
  return f === 1;
}

export function gateTerms(s: ClusterState, v: Packed): Packed {
  const ids: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < v.ids.length; i++) {
    if (isGated(s, v.ids[i])) {
      ids.push(v.ids[i]);
      w.push(v.w[i]);
    }
  }
  return { ids: Int32Array.from(ids), w: Float64Array.from(w) };
}

/**
 * The article's gate terms with IDF applied, read from its features: terms never seen before count too (a
 * sister event's first report has only new numbers, and none of them agrees with anything).
 */
export function gateQueryOf(s: ClusterState, f: ArticleFeatures): GateQuery {
  const terms = s.terms;
  const ids: number[] = [];
  const x: number[] = [];
  let sum = 0;
  let count = 0;
  const tv = termVectorOf(f);
  for (let i = 0; i < tv.ids.length; i++) {
    if (!s.gateKinds.has(termNames[tv.ids[i]].charCodeAt(0))) continue;
    const id = localId(s, tv.ids[i]);
    const v = tv.w[i] * (id < 0 ? terms.unseenIdf : terms.idf(id));
    sum += v * v;
    count++;
    if (id >= 0) {
      ids.push(id);
      x.push(v);
    }
  }
  return { ids, x, norm: Math.sqrt(sum), count };
}

/** As `gateQueryOf`, for an event's profile (every term known). */
export function gateQueryOfPacked(s: ClusterState, v: Packed): GateQuery {
  const g = gateTerms(s, v);
  const ids = Array.from(g.ids);
  const x = ids.map((id, i) => g.w[i] * s.terms.idf(id));
  return { ids, x, norm: Math.hypot(...x), count: ids.length };
}

/**
 * Mean cosine over the gate's terms between the article and the event's newest members; 1 when the article or
 * every such member has too few such terms. The mean rather than the best member: a sister event's report often
 * shares a number or two with one member by chance (a time of day, an age, a year in the background), where it
 * disagrees with the event as a whole (ECB+ B³-F1 0.889 → 0.892, better on either half of its topics).
 */
export function entityAgreement(s: ClusterState, q: GateQuery, e: EventState): number {
  const options = s.options;
  const terms = s.terms;
  if (q.count < options.entityGateMinTerms || !q.norm) return 1;
  for (let i = 0; i < q.ids.length; i++) {
    isGated(s, q.ids[i]); // sizes the scratch arrays
    s.gateQuery[q.ids[i]] = q.x[i];
  }
  const gateQuery = s.gateQuery;
  let sum = 0;
  let judged = 0;
  for (let k = Math.max(0, e.members.length - options.maxMembersLinked); k < e.members.length; k++) {
    const { ids, w } = e.members[k].gate;
    // A member with one or two numbers cannot disagree with anything either.
    if (ids.length < options.entityGateMinTerms) continue;
    let dot = 0;
    let mn = 0;
    for (let i = 0; i < ids.length; i++) {
      const x = w[i] * terms.idf(ids[i]);
      mn += x * x;
      dot += x * gateQuery[ids[i]];
    }
    if (!mn) continue;
    judged++;
    sum += dot / (Math.sqrt(mn) * q.norm);
  }
  for (const id of q.ids) gateQuery[id] = 0;
  return judged ? sum / judged : 1;
}

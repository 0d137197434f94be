// An event's profile (its centroid): the mean of its members' vectors, each outlet counted once (an outlet's
// articles averaged first), cut to its heaviest terms, and rebuilt as the event grows.
import type { ClusterState, EventState } from "./cluster-state";
import { topPacked, type Packed } from "./packed-vector";

export function rebuildCentroid(s: ClusterState, e: EventState) {
  e.centroid = articleProfile(s, e) ?? summedProfile(s, e);
  e.centroidEpoch = -1;
  const n = e.members.length;
  e.rebuildAt = n < 20 ? n + 1 : Math.ceil(n * (1 + s.options.centroidGrowth));
}

/**
 * The profile of an event of one article, or of one outlet's only article: that article's vector itself, which
 * `summedProfile` would copy term for term (most events are small; the copy was a vector per event).
 */
function articleProfile(s: ClusterState, e: EventState): Packed | null {
  if (e.bySource.size !== 1) return null;
  const only = e.bySource.values().next().value!;
  return only.length === 1 && only[0].vector.ids.length <= s.options.centroidTerms ? only[0].vector : null;
}

function summedProfile(s: ClusterState, e: EventState): Packed {
  const terms = s.terms;
  if (s.profileSum.length < terms.size) {
    const size = Math.max(terms.size, s.profileSum.length * 2);
    s.profileSum = new Float64Array(size);
    s.profileMark = new Int32Array(size);
    s.profileRound = 0;
    s.outletSum = new Float64Array(size);
    s.outletMark = new Int32Array(size);
    s.outletRound = 0;
  }
  const sum = s.profileSum;
  const mark = s.profileMark;
  const round = ++s.profileRound;
  const outletSum = s.outletSum;
  const outletMark = s.outletMark;
  const touched: number[] = [];
  const add = (t: number, w: number) => {
    if (mark[t] !== round) {
      mark[t] = round;
      touched.push(t);
    }
    sum[t] += w;
  };
  for (const articles of e.bySource.values()) {
    const n = articles.length;
    if (n === 1) {
      const v = articles[0].vector;
      for (let i = 0; i < v.ids.length; i++) add(v.ids[i], v.w[i]);
      continue;
    }
    // The outlet's sum in join order (first weight as is, then each later one added): the running sum it was.
    const own = ++s.outletRound;
    const outletTerms: number[] = [];
    for (const { vector: v } of articles) {
      for (let i = 0; i < v.ids.length; i++) {
        const t = v.ids[i];
        if (outletMark[t] !== own) {
          outletMark[t] = own;
          outletSum[t] = v.w[i];
          outletTerms.push(t);
        } else outletSum[t] += v.w[i];
      }
    }
    for (const t of outletTerms) add(t, outletSum[t] / n);
  }
  const weights = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) {
    weights[i] = sum[touched[i]];
    sum[touched[i]] = 0;
  }
  return topPacked(touched, weights, s.options.centroidTerms);
}

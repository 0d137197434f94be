// The clusterer's state as flat arrays (see clusterer-snapshot.ts) and back: a restart loads the index instead of
// replaying every article.
import { checkSnapshot, type ClustererSnapshot } from "./clusterer-snapshot";
import { localId, setLocal, type ClusterState } from "./cluster-state";
import { gateTerms } from "./entity-gate";
import { nextSplitCheck } from "./event-split";
import { attach, eventFor } from "./membership";
import type { Packed } from "./packed-vector";
import { PostingLists } from "./posting-lists";
import { TermIndex } from "./term-index";
import { termId } from "./term-ids";

export function exportState(s: ClusterState): ClustererSnapshot {
  const { joined, byIndex, events } = s;
  const packLists = (lists: Packed[]) => {
    const offsets = new Int32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i] + lists[i].ids.length;
    const ids = new Int32Array(offsets[lists.length]);
    const w = new Float64Array(ids.length);
    lists.forEach((v, i) => {
      ids.set(v.ids, offsets[i]);
      w.set(v.w, offsets[i]);
    });
    return { offsets, ids, w };
  };
  const intLists = (lists: ArrayLike<number>[]) => {
    const offsets = new Int32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i] + lists[i].length;
    const values = new Int32Array(offsets[lists.length]);
    lists.forEach((l, i) => {
      values.set(l, offsets[i]);
    });
    return { offsets, values };
  };
  const memberVectors = packLists(joined.map((m) => m.vector));
  const centroids = packLists(byIndex.map((e) => e.centroid));
  const eventMembers = intLists(byIndex.map((e) => e.members.map((m) => m.seq)));
  const indexed = s.findable.grouped(byIndex.length);
  const postingLists = s.postings.lists(s.terms.size);
  return {
    options: JSON.stringify(s.options),
    terms: s.terms.snapshot(),
    articles: joined.map((m) => m.articleId),
    sources: joined.map((m) => m.source),
    times: Float64Array.from(joined, (m) => m.t ?? NaN),
    memberOffsets: memberVectors.offsets,
    memberIds: memberVectors.ids,
    memberWeights: memberVectors.w,
    events: byIndex.map((e) => e.id),
    mergedInto: Int32Array.from(byIndex, (e) => (e.mergedInto === null ? -1 : events.get(e.mergedInto)!.index)),
    rebuildAt: Int32Array.from(byIndex, (e) => e.rebuildAt),
    eventMemberOffsets: eventMembers.offsets,
    eventMembers: eventMembers.values,
    centroidOffsets: centroids.offsets,
    centroidIds: centroids.ids,
    centroidWeights: centroids.w,
    indexedOffsets: indexed.offsets,
    indexedIds: indexed.values,
    postingOffsets: postingLists.offsets,
    postings: postingLists.values,
  };
}

export function restoreState(s: ClusterState, snap: ClustererSnapshot) {
  const { joined, byIndex, events } = s;
  if (joined.length || byIndex.length) throw new Error("restoreState needs an empty clusterer");
  if (snap.options !== JSON.stringify(s.options))
    throw new Error("clusterer state was saved with other options; rebuild it from the stored articles");
  checkSnapshot(snap);
  s.terms = TermIndex.load(s.termOptions, snap.terms);
  for (let id = 0; id < snap.terms.names.length; id++) {
    const g = termId(snap.terms.names[id]);
    if (localId(s, g) >= 0) throw new Error(`clusterer state is inconsistent: term "${snap.terms.names[id]}" twice`);
    setLocal(s, g, id);
  }
  for (let i = 0; i < snap.articles.length; i++) {
    const a = snap.memberOffsets[i];
    const b = snap.memberOffsets[i + 1];
    const vector = { ids: snap.memberIds.subarray(a, b), w: snap.memberWeights.subarray(a, b) };
    const t = Number.isNaN(snap.times[i]) ? null : snap.times[i];
    joined.push({
      articleId: snap.articles[i],
      seq: i,
      vector,
      gate: s.stored.copy(gateTerms(s, vector)),
      source: snap.sources[i],
      t,
      norm: 0,
      normEpoch: -1,
    });
  }
  for (let i = 0; i < snap.events.length; i++) {
    if (events.has(snap.events[i])) throw new Error(`clusterer state is inconsistent: event ${snap.events[i]} twice`);
    const e = eventFor(s, snap.events[i]);
    for (let k = snap.eventMemberOffsets[i]; k < snap.eventMemberOffsets[i + 1]; k++)
      attach(s, e, joined[snap.eventMembers[k]]);
    e.centroid = {
      ids: snap.centroidIds.subarray(snap.centroidOffsets[i], snap.centroidOffsets[i + 1]),
      w: snap.centroidWeights.subarray(snap.centroidOffsets[i], snap.centroidOffsets[i + 1]),
    };
    e.rebuildAt = snap.rebuildAt[i];
    e.splitAt = nextSplitCheck(s, e.members.length);
    for (let k = snap.indexedOffsets[i]; k < snap.indexedOffsets[i + 1]; k++) s.findable.add(i, snap.indexedIds[k]);
  }
  for (let i = 0; i < snap.events.length; i++) {
    if (snap.mergedInto[i] === -1) continue;
    byIndex[i].mergedInto = snap.events[snap.mergedInto[i]];
    s.mergedTo[i] = snap.mergedInto[i];
    s.liveEvents--;
  }
  s.postings = PostingLists.fromLists(snap.postingOffsets, snap.postings);
}

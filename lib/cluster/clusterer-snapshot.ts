// The clusterer's whole index as flat arrays, so that a restart loads it instead of replaying every article: the
// replay re-interned every term, re-selected each member's index terms and rebuilt each profile as it grew (52 s
// for 100,000 articles). Lists of lists are stored CSR-style: `xOffsets[i]..xOffsets[i + 1]` delimits list i.
import type { TermIndexSnapshot } from "./term-index";

export interface ClustererSnapshot {
  /** The options the state was built with: a state is only valid under the same ones. */
  options: string;
  terms: TermIndexSnapshot;
  /** Members in join order. `times` is NaN where the publication time is unknown. */
  articles: string[];
  sources: (string | null)[];
  times: Float64Array;
  memberOffsets: Int32Array;
  memberIds: Int32Array;
  memberWeights: Float64Array;
  /** Events in creation order; `mergedInto` is the survivor's index, -1 for a live event. */
  events: string[];
  mergedInto: Int32Array;
  rebuildAt: Int32Array;
  /** Each event's members, as join-order positions, in the event's own order. */
  eventMemberOffsets: Int32Array;
  eventMembers: Int32Array;
  centroidOffsets: Int32Array;
  centroidIds: Int32Array;
  centroidWeights: Float64Array;
  /** Terms through which each event is findable. */
  indexedOffsets: Int32Array;
  indexedIds: Int32Array;
  /** Per term id, the events carrying it in the order they got it (what candidate lookup reads newest-first). */
  postingOffsets: Int32Array;
  postings: Int32Array;
}

/** Throws unless every list and every index of the snapshot lies within bounds: a bad state must not load. */
export function checkSnapshot(s: ClustererSnapshot): void {
  const fail = (what: string) => {
    throw new Error(`clusterer state is inconsistent: ${what}`);
  };
  const vocabulary = s.terms.names.length;
  const members = s.articles.length;
  const events = s.events.length;
  const lists = (name: string, offsets: Int32Array, values: ArrayLike<number>, count: number) => {
    if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== values.length) fail(`${name} offsets`);
    for (let i = 0; i < count; i++) if (offsets[i + 1] < offsets[i]) fail(`${name} offsets`);
  };
  const within = (name: string, values: ArrayLike<number>, limit: number) => {
    for (let i = 0; i < values.length; i++) if (!(values[i] >= 0 && values[i] < limit)) fail(`${name} out of range`);
  };
  // Packed vectors: the merges and dot products that read them assume ids sorted within each.
  const vectors = (name: string, offsets: Int32Array, ids: Int32Array, weights: Float64Array, count: number) => {
    lists(name, offsets, ids, count);
    if (weights.length !== ids.length) fail(`${name} weights`);
    within(`${name} terms`, ids, vocabulary);
    for (let i = 0; i < count; i++)
      for (let k = offsets[i] + 1; k < offsets[i + 1]; k++) if (ids[k] <= ids[k - 1]) fail(`${name} terms not sorted`);
  };
  if (s.sources.length !== members || s.times.length !== members) fail("member columns");
  if (s.mergedInto.length !== events || s.rebuildAt.length !== events) fail("event columns");
  if (s.terms.df.length !== vocabulary) fail("document frequencies");
  vectors("member", s.memberOffsets, s.memberIds, s.memberWeights, members);
  lists("event member", s.eventMemberOffsets, s.eventMembers, events);
  within("event members", s.eventMembers, members);
  if (s.eventMembers.length !== members || new Set(s.eventMembers).size !== members)
    fail("members not in exactly one event");
  vectors("centroid", s.centroidOffsets, s.centroidIds, s.centroidWeights, events);
  lists("indexed", s.indexedOffsets, s.indexedIds, events);
  within("indexed terms", s.indexedIds, vocabulary);
  lists("posting", s.postingOffsets, s.postings, vocabulary);
  within("postings", s.postings, events);
  for (let i = 0; i < events; i++) {
    // Following merges from any event must end at a live one within `events` steps (no cycle).
    let at = i;
    for (let steps = 0; s.mergedInto[at] !== -1; steps++) {
      at = s.mergedInto[at];
      if (!(at >= 0 && at < events) || steps > events) fail("merge targets");
    }
  }
}

// Membership: events created, articles added to them (interned, indexed for candidate search, the profile rebuilt
// as the event grows), and members moved between events by the second pass's merges and splits.
import { intern, live, type ClusterState, type EventState, type Member } from "./cluster-state";
import { gateTerms } from "./entity-gate";
import { rebuildCentroid } from "./event-profile";
import { nextSplitCheck } from "./event-split";
import { grownTo } from "./grown";
import { kthSmallest, topPacked } from "./packed-vector";
import { compareTerms, termVectorOf } from "./term-ids";
import type { ArticleFeatures } from "./types";

/**
 * Positions of the `limit` heaviest weights, ties at the cutoff by term (string order), in ascending position order.
 * `termList` gives each position's process-wide term id. Only the ties need comparing terms: the cutoff comes from
 * a native numeric sort.
 */
function heaviest(termList: ArrayLike<number>, weights: ArrayLike<number>, limit: number): ArrayLike<number> {
  const n = weights.length;
  if (n <= limit) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const cutoff = kthSmallest(Float64Array.from(weights), n - limit);
  let above = 0;
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    if (weights[i] > cutoff) above++;
    else if (weights[i] === cutoff) ties.push(i);
  }
  // Body words seen once share one weight: at the 150-term cut a median of 143 terms tie (synthetic stream; 153 for
  // the ECB+ articles over 150 terms). Compared by their first characters as numbers, strings only where those agree.
  ties.sort((a, b) => compareTerms(termList[a], termList[b]) || a - b);
  const kept = new Uint8Array(n);
  for (let k = 0; k < limit - above; k++) kept[ties[k]] = 1;
  const out = new Int32Array(limit);
  for (let i = 0, k = 0; i < n; i++) if (weights[i] > cutoff || kept[i]) out[k++] = i;
  return out;
}

export function eventFor(s: ClusterState, eventId: string): EventState {
  const existing = s.events.get(eventId);
  if (existing) return live(s, existing);
  const e: EventState = {
    id: eventId,
    index: s.byIndex.length,
    members: [],
    bySource: new Map(),
    first: null,
    last: null,
    centroid: { ids: new Int32Array(0), w: new Float64Array(0) },
    centroidNorm: 0,
    centroidEpoch: -1,
    rebuildAt: 1,
    mergedInto: null,
    splitAt: nextSplitCheck(s, 0),
  };
  s.events.set(eventId, e);
  s.byIndex.push(e);
  s.mergedTo = grownTo(s.mergedTo, e.index + 1);
  s.mergedTo[e.index] = e.index;
  s.liveEvents++;
  return e;
}

/** Adds a member whose terms are already interned; `vector` sorted by id. */
function addMember(s: ClusterState, e: EventState, member: Member) {
  attach(s, e, member);
  const { ids, w } = member.vector;
  const indexed = topPacked(ids, w, s.options.indexTerms, s.terms);
  for (const id of indexed.ids) {
    if (!s.findable.add(e.index, id)) continue;
    s.postings.add(id, e.index);
  }
  if (e.members.length >= e.rebuildAt) rebuildCentroid(s, e);
}

/** The member's part of its event that a saved state does not hold: outlet sums, time span, article lookup. */
export function attach(s: ClusterState, e: EventState, member: Member) {
  e.members.push(member);
  // An article without a known outlet counts as an outlet of its own.
  const sourceKey = member.source ? `s:${member.source}` : `a:${member.articleId}`;
  const bucket = e.bySource.get(sourceKey);
  if (!bucket) e.bySource.set(sourceKey, [member]);
  else bucket.push(member);
  if (member.t !== null) {
    e.first = e.first === null ? member.t : Math.min(e.first, member.t);
    e.last = e.last === null ? member.t : Math.max(e.last, member.t);
  }
  s.eventOfArticle.set(member.articleId, e);
}

/** Adds an article given as process-wide term ids (term-ids.ts) and their weights. */
function addPacked(
  s: ClusterState,
  articleId: string,
  eventId: string,
  termList: Int32Array,
  weights: Float64Array,
  source: string | null,
  t: number | null,
) {
  if (s.eventOfArticle.has(articleId))
    throw new Error(`article ${articleId} is already in event ${s.eventOfArticle.get(articleId)!.id}`);
  const e = eventFor(s, eventId);
  // Truncated before interning, so that replaying the kept terms gives the same ids and frequencies. The kept
  // terms stay in their given order, so ids depend on the arrival order only.
  const kept = heaviest(termList, weights, s.options.memberTerms);
  const ids = new Int32Array(kept.length);
  const w = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    ids[i] = intern(s, termList[kept[i]]);
    w[i] = weights[kept[i]];
  }
  s.terms.addDocument(ids);
  const vector = s.stored.copy(topPacked(ids, w, Infinity));
  const member: Member = {
    articleId,
    seq: s.joined.length,
    vector,
    gate: s.stored.copy(gateTerms(s, vector)),
    source,
    t,
    norm: 0,
    normEpoch: -1,
  };
  addMember(s, e, member);
  s.joined.push(member);
}

export function addFeatures(
  s: ClusterState,
  articleId: string,
  eventId: string,
  f: ArticleFeatures,
  publishedAt?: Date | null,
) {
  const tv = termVectorOf(f);
  addPacked(s, articleId, eventId, tv.ids, tv.w, f.source ?? null, publishedAt ? publishedAt.getTime() : null);
}

/** Adds several members at once (a merge, a split): the profile is rebuilt once, after the last, not per member. */
function absorb(s: ClusterState, e: EventState, members: Member[]) {
  e.rebuildAt = Infinity;
  for (const m of members) addMember(s, e, m);
  rebuildCentroid(s, e);
}

/** Moves every member of `otherId` into `survivorId`; `otherId` is then resolved to the survivor. */
export function merge(s: ClusterState, survivorId: string, otherId: string) {
  const survivor = live(s, s.events.get(survivorId) ?? eventFor(s, survivorId));
  const other = s.events.get(otherId);
  if (!other) throw new Error(`unknown event ${otherId}`);
  const from = live(s, other);
  if (from === survivor) return;
  absorb(s, survivor, from.members);
  from.members = [];
  from.bySource.clear();
  from.mergedInto = survivor.id;
  s.mergedTo[from.index] = survivor.index;
  s.liveEvents--;
}

/**
 * Moves the given members of a live event into a new event `newEventId` (the rest keep their event). The event
 * stays findable through the moved members' terms until it is next compared: candidates are scored in full, so
 * a stale posting costs a comparison, never a wrong join.
 */
export function split(s: ClusterState, eventId: string, articleIds: string[], newEventId: string) {
  const found = s.events.get(eventId);
  if (!found) throw new Error(`unknown event ${eventId}`);
  const e = live(s, found);
  if (s.events.has(newEventId)) throw new Error(`event ${newEventId} already exists`);
  const moving = new Set(articleIds);
  const moved = e.members.filter((m) => moving.has(m.articleId));
  if (moved.length !== moving.size) throw new Error(`not every article to split off is in event ${e.id}`);
  if (moved.length === e.members.length) throw new Error(`a split must leave event ${e.id} some members`);
  const kept = e.members.filter((m) => !moving.has(m.articleId));
  e.members = [];
  e.bySource.clear();
  e.first = e.last = null;
  for (const m of kept) attach(s, e, m);
  rebuildCentroid(s, e);
  e.splitAt = nextSplitCheck(s, e.members.length);
  const other = eventFor(s, newEventId);
  absorb(s, other, moved);
  other.splitAt = nextSplitCheck(s, other.members.length);
}

// The clusterer's state, one object that the plain functions of the clusterer's parts (placement, membership,
// profiles, the entity gate, the second pass) are handed: events and their members, the term index and posting
// lists that find them, and the scratch arrays reused across articles. Fields are assigned once, in the
// constructor, so that every function sees one object shape.
import type { ClustererOptions } from "./clusterer-options";
import { DenseQuery, idfNorm, type Packed } from "./packed-vector";
import { PairSet } from "./pair-set";
import { PostingLists } from "./posting-lists";
import { TermIndex, type TermIndexOptions } from "./term-index";
import { termNames } from "./term-ids";
import { grownTo } from "./grown";
import { VectorPool } from "./vector-pool";

export interface Member {
  articleId: string;
  /** Position in the join order across events (what a saved state refers to members by). */
  seq: number;
  vector: Packed;
  source: string | null;
  t: number | null;
  /** The member's date and number terms (see `entityGate`): a handful, where the vector holds hundreds. */
  gate: Packed;
  /** IDF norm and the term-index epoch it was computed in. */
  norm: number;
  normEpoch: number;
}

/** An article's (or a profile's) date and number terms with IDF applied (see `entityGate`), ids known; `count` all. */
export interface GateQuery {
  ids: number[];
  x: number[];
  norm: number;
  count: number;
}

export interface EventState {
  id: string;
  /** Creation order: the tie-breaker that keeps results independent of Map and sort internals. */
  index: number;
  members: Member[];
  /**
   * Per outlet, its articles in join order. Their sum is taken when the profile is rebuilt rather than kept: a
   * kept sum per outlet was as large as the articles again, reallocated at every join.
   */
  bySource: Map<string, Member[]>;
  first: number | null;
  last: number | null;
  centroid: Packed;
  centroidNorm: number;
  centroidEpoch: number;
  /** Member count at which the profile is next rebuilt. */
  rebuildAt: number;
  /** Set when merged into another event: its members moved there. */
  mergedInto: string | null;
  /**
   * Member count at which the event is next checked for a split. Every change of membership is followed by the
   * second pass's check, so after it this is `nextSplitCheck` of the size: a restored state derives it, unsaved.
   */
  splitAt: number;
}

export class ClusterState {
  readonly termOptions: TermIndexOptions;
  terms: TermIndex;
  readonly events = new Map<string, EventState>();
  readonly byIndex: EventState[] = [];
  liveEvents = 0;
  // Posting lists: term id → indexes of the events that carry it, oldest first.
  postings = new PostingLists();
  // (event index, term id): the terms through which each event is already findable.
  readonly findable = new PairSet();
  readonly eventOfArticle = new Map<string, EventState>();
  // Every member in the order added, across events.
  readonly joined: Member[] = [];
  readonly stored = new VectorPool();
  readonly query = new DenseQuery();
  candidateScore = new Float64Array(1024);
  touchedScores = new Float64Array(1024);
  // The member link's best similarities (see `memberLinkTop`).
  readonly topLinks: Float64Array;
  // Per event index, the index of the event it was merged into (itself while live): candidate lookup resolves
  // thousands of posting entries per article, and a typed array read beats loading each EventState object.
  mergedTo = new Int32Array(1024);
  // Process-wide term id (term-ids.ts) → this clusterer's term id + 1, for every term of its index (0: not in it):
  // an article's terms reach the index by array reads, where a Map lookup per term string was a good part of
  // placing and adding it. Kept complete: terms enter the index through `intern` or `restoreState` only.
  localOf = new Int32Array(1024);
  // The profile is summed in a dense scratch array (term id → sum) rather than a Map: a large event has thousands
  // of distinct terms and is rebuilt often. `profileMark` tells the slots touched in this rebuild.
  profileSum = new Float64Array(1024);
  profileMark = new Int32Array(1024);
  profileRound = 0;
  // One outlet's sum while a profile is rebuilt, in the same way.
  outletSum = new Float64Array(1024);
  outletMark = new Int32Array(1024);
  outletRound = 0;
  readonly gateKinds: Set<number>;
  // Per term id: 0 not yet known, 1 a gate term, 2 not; and the query's gate terms spread densely (id → weight).
  gateFlag = new Uint8Array(1024);
  gateQuery = new Float64Array(1024);

  constructor(readonly options: ClustererOptions) {
    this.termOptions = {
      priorDocs: options.idfPriorDocs,
      power: options.idfPower,
      epochGrowth: options.idfEpochGrowth,
      exactDocs: options.idfExactDocs,
    };
    this.terms = new TermIndex(this.termOptions);
    this.topLinks = new Float64Array(Math.max(1, options.memberLinkTop));
    this.gateKinds = new Set([...options.entityGateKinds].map((c) => c.charCodeAt(0)));
  }
}

export function liveIndex(s: ClusterState, idx: number): number {
  const mergedTo = s.mergedTo;
  while (mergedTo[idx] !== idx) idx = mergedTo[idx];
  return idx;
}

export function live(s: ClusterState, e: EventState): EventState {
  while (e.mergedInto !== null) e = s.events.get(e.mergedInto)!;
  return e;
}

export function localId(s: ClusterState, g: number): number {
  return g < s.localOf.length ? s.localOf[g] - 1 : -1;
}

export function setLocal(s: ClusterState, g: number, id: number): void {
  s.localOf = grownTo(s.localOf, g + 1);
  s.localOf[g] = id + 1;
}

export function intern(s: ClusterState, g: number): number {
  let id = localId(s, g);
  if (id < 0) {
    id = s.terms.add(termNames[g]);
    setLocal(s, g, id);
  }
  return id;
}

export function centroidNorm(s: ClusterState, e: EventState): number {
  if (e.centroidEpoch !== s.terms.epoch) {
    e.centroidNorm = idfNorm(e.centroid, s.terms);
    e.centroidEpoch = s.terms.epoch;
  }
  return e.centroidNorm;
}

export function memberNorm(s: ClusterState, m: Member): number {
  if (m.normEpoch !== s.terms.epoch) {
    m.norm = idfNorm(m.vector, s.terms);
    m.normEpoch = s.terms.epoch;
  }
  return m.norm;
}

/** How full the event's (newest) articles are, 0 to 1: their mean term count over `fullTerms`. */
export function memberFill(s: ClusterState, e: EventState): number {
  const options = s.options;
  let sum = 0;
  const from = Math.max(0, e.members.length - options.maxMembersLinked);
  for (let i = from; i < e.members.length; i++) sum += e.members[i].vector.ids.length;
  return Math.min(1, sum / Math.max(1, e.members.length - from) / options.fullTerms);
}

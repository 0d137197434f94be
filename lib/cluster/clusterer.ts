// The online event clusterer: each article joins the most similar existing event or starts a new one, as it
// arrives. Pure and in memory; the same arrival order always gives the same events, and a state rebuilt by
// replaying the stored memberships (`restore`) continues exactly as the uninterrupted one would.
//
// Cost per article is bounded whatever the number of stored articles: candidates come from the article's heaviest
// terms through posting lists read newest-first up to a cap, a bounded number of candidates is compared in full,
// an event's profile keeps its heaviest terms only, and the member link reads the newest members only.
import { articleFeatures, defaultFeatureOptions, featuresVersion, type FeatureOptions } from "./features";
import { checkSnapshot, type ClustererSnapshot } from "./clusterer-snapshot";
import { PairSet } from "./pair-set";
import { PostingLists } from "./posting-lists";
import { VectorPool } from "./vector-pool";
import { DenseQuery, idfNorm, kthSmallest, topPacked, type Packed } from "./packed-vector";
import { TermIndex, type TermIndexOptions } from "./term-index";
import { compareTerms, termId, termNames, termVectorOf } from "./term-ids";
import { timeDecay, type TimeDecayOptions } from "./time-decay";
import type { ArticleFeatures, Assignment, ClusterArticle, IngestResult, RestoreEntry } from "./types";
import { grownTo } from "./grown";
import { spectralCut, type SpectralCut } from "./spectral-cut";

export interface ClustererOptions {
  /** Minimum similarity to join an event; below it the article starts a new one. */
  threshold: number;
  /**
   * The threshold for a headline-only article: a few words share less with an event's profile than a full
   * text does, so the same story scores lower. Articles between 0 and `fullTerms` terms interpolate.
   */
  shortThreshold: number;
  fullTerms: number;
  /** IDF is raised to this power: above 1 favours the rare names and numbers that tell one story from another. */
  idfPower: number;
  /**
   * Background documents assumed to lack every term. Without them a young clusterer (a handful of articles,
   * all on one story) gives the story's own words the lowest weight and splits it.
   */
  idfPriorDocs: number;
  /** IDF is recomputed when the article count grew by this fraction (every article below `idfExactDocs`). */
  idfEpochGrowth: number;
  idfExactDocs: number;

  features: FeatureOptions;
  time: TimeDecayOptions;
  /** The article's heaviest terms used to look up candidate events in the inverted index. */
  candidateTerms: number;
  /** Events compared in full per article, whatever the number of events. */
  maxCandidates: number;
  /** Newest events read per posting list, so that a common term cannot make the lookup grow without bound. */
  maxPostings: number;
  /** Each member's heaviest terms (by weight × IDF when it joins) that make its event findable. */
  indexTerms: number;
  /** An event's profile keeps its heaviest terms only, bounding the cost of a comparison. */
  centroidTerms: number;
  /**
   * The profile is rebuilt after every join while the event is small, then when it grew by this fraction: a large
   * event's profile hardly moves with one more article, and the member link covers the newest ones.
   */
  centroidGrowth: number;
  /**
   * A member keeps its heaviest terms only (memory per stored article, and the cost of each member comparison). 150
   * rather than 200: ECB+ B³-F1 0.8935 → 0.8943 (+0.0004 to +0.0012 on three groups of eight other orders), the
   * headlines unchanged (a headline has a few terms), placement ~7% faster at scale and a smaller saved index.
   */
  memberTerms: number;
  /**
   * Weight of the best single-member similarity blended with the centroid similarity (0 = centroid only). A
   * large event's centroid blurs; a close match to one member is evidence the centroid alone misses.
   */
  memberLink: number;
  /**
   * Members compared for the member link and the date and number gate (the newest ones). A headline shares a few
   * words with some of a big story's members only: 60 rather than 30 gave the headline corpus B³-F1 0.722 → 0.731
   * (0.682 → 0.694 on eight other orders), ECB+ unchanged, for about 6% more time per article at scale.
   */
  maxMembersLinked: number;
  /**
   * For a headline, the member link is the mean of this many best member similarities, not the best alone (a full
   * text keeps the best; lengths between interpolate, as for the threshold). A headline shares one word with some
   * member of almost any big event, and once a stray headline has joined, the next ones of its story follow it
   * there: the transit story took in the airline story through "American(s)". 2 with `shortThreshold` 0.1 → 0.08:
   * headline B³-F1 0.731 → 0.748 (P 0.753 → 0.796), 0.694 → 0.733 on eight other orders; ECB+ 0.892 both ways.
   */
  memberLinkTop: number;
  /**
   * An article joins an event only when it shares at least this many terms with the event's profile: a headline
   * that shares one word with an event (an "American" in the transit story) is as often another story, and the
   * stories that follow it there. With `mergeShortThreshold` 0.2 → 0.12 (the second pass joins the pieces of a
   * story that this leaves apart): headline B³-F1 0.796 → 0.807, 0.778 → 0.807 on eight other orders; ECB+
   * unchanged (full texts share far more).
   */
  minSharedTerms: number;
  /** Best centroid candidates re-scored with the member link. */
  linkCandidates: number;
  /**
   * Profile similarity at which the second pass merges two events into one. Well above `threshold`: a merge moves
   * every member, so it needs stronger evidence than one article's join.
   */
  mergeThreshold: number;
  /**
   * The merge threshold for two events of headlines; between, it interpolates by the mean term count of the fuller
   * event's articles (over `fullTerms`). Two halves of a headline story share few words, as two of its headlines do,
   * and the join threshold of a headline is a fraction of a full text's: 0.6 → 0.2 gave headline B³-F1
   * 0.748 → 0.799 (R 0.707 → 0.821), 0.733 → 0.775 on eight other orders; ECB+ 0.892 → 0.893. 0.12 since
   * `minSharedTerms` leaves more pieces of a story apart.
   */
  mergeShortThreshold: number;
  /**
   * Minimum agreement on dates and numbers (cosine over those terms alone, averaged over an event's newest members)
   * between an article and the event for the article to join it; 0 disables. Two events of one kind (two earthquakes, two
   * rehab check-ins of one actress) share their vocabulary and often their names, but not their dates, death tolls
   * and magnitudes: whole "sister" events merging was the commonest error on ECB+ (B³-F1 0.860 → 0.889 with the
   * gate, the headline corpus unchanged). 0.1 → 0.05 once sister events are split (`splitNcut`), which takes over
   * part of the gate's work: ECB+ 0.925 → 0.930 (R 0.911 → 0.929), +0.002 and +0.008 on two groups of eight other
   * orders; headlines unchanged.
   */
  entityGate: number;
  /** The gate judges articles, against members, with at least this many such terms (a headline has too few). */
  entityGateMinTerms: number;
  /** Which terms the gate compares, by prefix: "@" dates, "#" numbers, "~" names (names did not help). */
  entityGateKinds: string;
  /**
   * The second pass also asks whether each article still alone in its event would now join the event it checks,
   * by the join rule (its own threshold, member link, shared terms, gate) rather than the merge threshold. A first
   * report that came before its story took shape, often a headline or a short brief, is judged against one
   * article when it arrives, and the later full texts judge it at their own, higher threshold: ECB+ B³-F1
   * 0.894 → 0.900 (R 0.912 → 0.931), +0.004 to +0.007 on three groups of eight other orders; headlines
   * 0.807 → 0.808 (−0.001 to +0.002 on the other groups).
   */
  rejoinSingletons: boolean;
  /**
   * An event of full texts is split in two when the normalised cut of its members' nearest-neighbour graph falls
   * below this (see spectral-cut.ts); 0 disables. Checked each time the event grew by a tenth, up to
   * `splitMaxMembers`; a merge that would be split again is not made. What the entity gate misses, this catches
   * once the second story has a few members in the event: ECB+ B³-F1 0.900 → 0.925 (P 0.871 → 0.940, R 0.931 →
   * 0.911), 0.900 → 0.923 and 0.901 → 0.923 on two groups of eight other orders; headlines unchanged (never
   * split). 0.3 gave 0.921, 0.5 0.923 (0.926 on the eight other orders).
   */
  splitNcut: number;
  /** Each member's most similar members linked in that graph: 4 gave ECB+ 0.922, 7 0.915 (eight other orders). */
  splitNeighbours: number;
  /**
   * The split also needs the members across the cut to be at most this similar, on average, relative to those on
   * one side. Without it 102 events of the synthetic stream's first 20,000 articles were split, each a single
   * story by construction, all with a contrast of 0.8 or more; the 27 right splits on ECB+ (5 orders) had 0.4–0.79.
   */
  splitContrast: number;
  /** Fewest members on either side of a split. */
  splitMinSide: number;
  /**
   * Events larger than this are not checked (the check compares every pair of members): a second story is caught
   * once it has `splitMinSide` members, long before. 64 → 40: ECB+ identical (its largest topic has 39 articles),
   * the checks' time on 20,000 synthetic articles 2.8 → 2.0 s.
   */
  splitMaxMembers: number;
}

export const defaultClustererOptions: ClustererOptions = {
  threshold: 0.3,
  shortThreshold: 0.07,
  fullTerms: 40,
  idfPower: 1,
  idfPriorDocs: 100,
  idfEpochGrowth: 0.02,
  idfExactDocs: 200,
  features: defaultFeatureOptions,
  // Follow-ups and late reports of one event keep coming for weeks, and printed dates are sometimes crawl dates,
  // so the decay is gentle: a week's grace, then halving every three weeks.
  time: { graceDays: 7, halfLifeDays: 21 },
  candidateTerms: 12,
  maxCandidates: 20,
  maxPostings: 500,
  indexTerms: 40,
  centroidTerms: 300,
  centroidGrowth: 0.1,
  memberTerms: 150,
  memberLink: 0.5,
  maxMembersLinked: 60,
  memberLinkTop: 2,
  minSharedTerms: 2,
  linkCandidates: 5,
  mergeThreshold: 0.6,
  mergeShortThreshold: 0.12,
  entityGate: 0.05,
  entityGateMinTerms: 4,
  entityGateKinds: "@#",
  rejoinSingletons: true,
  splitNcut: 0.4,
  splitNeighbours: 5,
  splitContrast: 0.8,
  splitMinSide: 3,
  splitMaxMembers: 40,
};

export type ClustererConfig = Partial<Omit<ClustererOptions, "features" | "time">> & {
  features?: Partial<FeatureOptions>;
  time?: Partial<TimeDecayOptions>;
};

interface Member {
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
interface GateQuery {
  ids: number[];
  x: number[];
  norm: number;
  count: number;
}

interface EventState {
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

export interface Clusterer {
  readonly options: ClustererOptions;
  features(article: ClusterArticle): ArticleFeatures;
  assign(article: ClusterArticle, features?: ArticleFeatures): Assignment;
  add(article: ClusterArticle, eventId: string, features?: ArticleFeatures): void;
  ingest(article: ClusterArticle, newEventId: () => string, features?: ArticleFeatures): IngestResult;
  restore(entries: RestoreEntry[]): void;
  /** Moves every member of `otherId` into `survivorId`; `otherId` is then resolved to the survivor. */
  merge(survivorId: string, otherId: string): void;
  /**
   * Pairs of live events whose profiles are at least `threshold` similar (by default the join threshold), or of
   * which one is a lone article that would join the other now (see `rejoinSingletons`), each pair as [older,
   * newer]; the events checked are `eventIds`, against their own candidates.
   */
  mergeCandidates(eventIds: string[], threshold?: number, shortThreshold?: number): { survivor: string; other: string; similarity: number }[];
  /**
   * After the second pass's merges: the members to split off the event into a new one, when it has grown to its
   * next check and its members form two stories (see `splitNcut`); else null.
   */
  splitCandidate(eventId: string): string[] | null;
  /** Moves the given members of a live event into a new event `newEventId`. */
  split(eventId: string, articleIds: string[], newEventId: string): void;
  /** The second pass's pairs for one event: `mergeCandidates` at `mergeThreshold` and `mergeShortThreshold`. */
  secondPassPairs(eventId: string): { survivor: string; other: string; similarity: number }[];
  /** The member closest to its event's profile (whose headline can stand for the event). */
  centralArticle(eventId: string): string | null;
  /** Member article ids of a live event, in join order (an empty list for an unknown or merged event). */
  members(eventId: string): string[];
  /** The event an article is in (following merges). */
  eventOf(articleId: string): string | null;
  /** The live event an event id stands for, following merges. */
  resolve(eventId: string): string;
  /** The whole index as flat arrays (see `state-file.ts`); the arrays may share memory with the live state. */
  exportState(): ClustererSnapshot;
  /**
   * Loads a saved index into this (empty) clusterer, which then continues exactly as the saved one would. Throws
   * when the state was built with other options or does not hold together.
   */
  restoreState(snapshot: ClustererSnapshot): void;
  /** Live (not merged) events. */
  readonly eventCount: number;
  readonly articleCount: number;
}

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

export function createClusterer(config: ClustererConfig = {}): Clusterer {
  const options: ClustererOptions = {
    ...defaultClustererOptions,
    ...config,
    features: { ...defaultFeatureOptions, ...config.features },
    time: { ...defaultClustererOptions.time, ...config.time },
  };
  const termOptions: TermIndexOptions = {
    priorDocs: options.idfPriorDocs,
    power: options.idfPower,
    epochGrowth: options.idfEpochGrowth,
    exactDocs: options.idfExactDocs,
  };
  let terms = new TermIndex(termOptions);
  const events = new Map<string, EventState>();
  const byIndex: EventState[] = [];
  let liveEvents = 0;
  // Posting lists: term id → indexes of the events that carry it, oldest first.
  let postings = new PostingLists();
  // (event index, term id): the terms through which each event is already findable.
  const findable = new PairSet();
  const eventOfArticle = new Map<string, EventState>();
  // Every member in the order added, across events.
  const joined: Member[] = [];
  const stored = new VectorPool();
  const query = new DenseQuery();
  let candidateScore = new Float64Array(1024);
  let touchedScores = new Float64Array(1024);
  // The member link's best similarities (see `memberLinkTop`).
  const topLinks = new Float64Array(Math.max(1, options.memberLinkTop));

  const featuresOf = (article: ClusterArticle): ArticleFeatures => articleFeatures(article, options.features);
  const usable = (f: ArticleFeatures | undefined, article: ClusterArticle) => (f && f.v === featuresVersion ? f : featuresOf(article));

  // Per event index, the index of the event it was merged into (itself while live): candidate lookup resolves
  // thousands of posting entries per article, and a typed array read beats loading each EventState object.
  let mergedTo = new Int32Array(1024);
  const liveIndex = (idx: number): number => {
    while (mergedTo[idx] !== idx) idx = mergedTo[idx];
    return idx;
  };

  const live = (e: EventState): EventState => {
    while (e.mergedInto !== null) e = events.get(e.mergedInto)!;
    return e;
  };

  // Process-wide term id (term-ids.ts) → this clusterer's term id + 1, for every term of its index (0: not in it):
  // an article's terms reach the index by array reads, where a Map lookup per term string was a good part of
  // placing and adding it. Kept complete: terms enter the index through `intern` or `restoreState` only.
  let localOf = new Int32Array(1024);
  const localId = (g: number): number => (g < localOf.length ? localOf[g] - 1 : -1);
  function setLocal(g: number, id: number): void {
    localOf = grownTo(localOf, g + 1);
    localOf[g] = id + 1;
  }
  function intern(g: number): number {
    let id = localId(g);
    if (id < 0) setLocal(g, (id = terms.add(termNames[g])));
    return id;
  }

  /** The article as a query: known terms packed, and its full norm (unknown terms count with unseen IDF). */
  function queryOf(f: ArticleFeatures): { vector: Packed; norm: number; size: number } {
    const ids: number[] = [];
    const w: number[] = [];
    const tv = termVectorOf(f);
    let unknown = 0;
    for (let i = 0; i < tv.ids.length; i++) {
      const id = localId(tv.ids[i]);
      if (id < 0) unknown += tv.w[i] * tv.w[i];
      else {
        ids.push(id);
        w.push(tv.w[i]);
      }
    }
    const vector = topPacked(ids, w, Infinity);
    const u = terms.unseenIdf;
    const norm = Math.sqrt(idfNorm(vector, terms) ** 2 + unknown * u * u);
    // Every term counts towards the article's length, known or not: new words are a new story's, and counting them
    // as one made an article of new names look short, so that it joined an event at the headline threshold.
    return { vector, norm, size: tv.ids.length };
  }

  function centroidNorm(e: EventState): number {
    if (e.centroidEpoch !== terms.epoch) {
      e.centroidNorm = idfNorm(e.centroid, terms);
      e.centroidEpoch = terms.epoch;
    }
    return e.centroidNorm;
  }

  function memberNorm(m: Member): number {
    if (m.normEpoch !== terms.epoch) {
      m.norm = idfNorm(m.vector, terms);
      m.normEpoch = terms.epoch;
    }
    return m.norm;
  }

  // The profile is summed in a dense scratch array (term id → sum) rather than a Map: a large event has thousands
  // of distinct terms and is rebuilt often. `profileMark` tells the slots touched in this rebuild.
  let profileSum = new Float64Array(1024);
  let profileMark = new Int32Array(1024);
  let profileRound = 0;
  // One outlet's sum while a profile is rebuilt, in the same way.
  let outletSum = new Float64Array(1024);
  let outletMark = new Int32Array(1024);
  let outletRound = 0;

  function rebuildCentroid(e: EventState) {
    e.centroid = articleProfile(e) ?? summedProfile(e);
    e.centroidEpoch = -1;
    const n = e.members.length;
    e.rebuildAt = n < 20 ? n + 1 : Math.ceil(n * (1 + options.centroidGrowth));
  }

  /**
   * The profile of an event of one article, or of one outlet's only article: that article's vector itself, which
   * `summedProfile` would copy term for term (most events are small; the copy was a vector per event).
   */
  function articleProfile(e: EventState): Packed | null {
    if (e.bySource.size !== 1) return null;
    const only = e.bySource.values().next().value!;
    return only.length === 1 && only[0].vector.ids.length <= options.centroidTerms ? only[0].vector : null;
  }

  function summedProfile(e: EventState): Packed {
    if (profileSum.length < terms.size) {
      const size = Math.max(terms.size, profileSum.length * 2);
      profileSum = new Float64Array(size);
      profileMark = new Int32Array(size);
      profileRound = 0;
      outletSum = new Float64Array(size);
      outletMark = new Int32Array(size);
      outletRound = 0;
    }
    const sum = profileSum;
    const mark = profileMark;
    const round = ++profileRound;
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
        const s = articles[0].vector;
        for (let i = 0; i < s.ids.length; i++) add(s.ids[i], s.w[i]);
        continue;
      }
      // The outlet's sum in join order (first weight as is, then each later one added): the running sum it was.
      const own = ++outletRound;
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
    return topPacked(touched, weights, options.centroidTerms);
  }

  /** Live events sharing the query's heaviest terms, best overlap first, at most `maxCandidates`. */
  function candidates(vector: Packed, exclude?: EventState): EventState[] {
    const top = topPacked(vector.ids, vector.w, options.candidateTerms, terms);
    if (candidateScore.length < byIndex.length) candidateScore = new Float64Array(Math.max(byIndex.length, candidateScore.length * 2));
    const touched: number[] = [];
    for (let k = 0; k < top.ids.length; k++) {
      const size = postings.size(top.ids[k]);
      if (!size) continue;
      const w = top.w[k] * terms.idf(top.ids[k]);
      const list = postings.pool;
      const oldest = postings.first(top.ids[k]);
      for (let i = oldest + size - 1, seen = 0; i >= oldest && seen < options.maxPostings; i--, seen++) {
        const idx = liveIndex(list[i]);
        if (candidateScore[idx] === 0) touched.push(idx);
        candidateScore[idx] += w;
      }
    }
    const best = bestCandidates(touched, options.maxCandidates + (exclude ? 1 : 0));
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
  function bestCandidates(touched: number[], limit: number): number[] {
    const order = (a: number, b: number) => candidateScore[b] - candidateScore[a] || a - b;
    const n = touched.length;
    if (n <= limit) return touched.sort(order);
    // Plain loops over a reused scratch array, not a callback per touched event three times over: clustering time
    // 1.735 → 1.663 times the feature time, back to back at 40k synthetic articles.
    if (touchedScores.length < n) touchedScores = new Float64Array(Math.max(n, touchedScores.length * 2));
    const scores = touchedScores.subarray(0, n);
    for (let i = 0; i < n; i++) scores[i] = candidateScore[touched[i]];
    const cutoff = kthSmallest(scores, n - limit);
    const best: number[] = [];
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = candidateScore[touched[i]];
      if (s > cutoff) best.push(touched[i]);
      else if (s === cutoff) ties.push(touched[i]);
    }
    ties.sort((a, b) => a - b);
    for (let i = 0; best.length < limit && i < ties.length; i++) best.push(ties[i]);
    return best.sort(order);
  }

  type Scored = { e: EventState; s: number };
  const byScore = (a: Scored, b: Scored) => b.s - a.s || a.e.index - b.e.index;

  /** Candidates scored by centroid, best first. Loads `query`, which the caller clears. */
  function centroidScored(vector: Packed, norm: number, t: number | null, exclude?: EventState): Scored[] {
    query.load(vector, terms);
    const list = candidates(vector, exclude).map((e) => {
      const cn = centroidNorm(e);
      const sim = cn ? query.dot(e.centroid) / (norm * cn) : 0;
      return { e, s: sim * timeDecay(t, e.first, e.last, options.time) };
    });
    return list.sort(byScore);
  }

  /** How full the event's (newest) articles are, 0 to 1: their mean term count over `fullTerms`. */
  function memberFill(e: EventState): number {
    let sum = 0;
    const from = Math.max(0, e.members.length - options.maxMembersLinked);
    for (let i = from; i < e.members.length; i++) sum += e.members[i].vector.ids.length;
    return Math.min(1, sum / Math.max(1, e.members.length - from) / options.fullTerms);
  }

  /** The candidates the member link re-scores: the best few by centroid, of more than one member. */
  const linkable = (list: Scored[]) => (options.memberLink > 0 ? list.slice(0, options.linkCandidates).filter((c) => c.e.members.length >= 2) : []);

  /**
   * Candidates scored by centroid, the best few re-scored with the member link; best first. Only scores from `floor`
   * up are exact: a candidate whose member link could not lift it to `floor` even if a member matched perfectly
   * keeps its centroid part alone, below `floor`, and its members are never read. Reading them was most of the
   * time of the second pass, whose candidates are mostly other stories that cannot reach its merge threshold.
   */
  function scored(vector: Packed, norm: number, t: number | null, exclude: EventState, floor: number): Scored[] {
    const list = centroidScored(vector, norm, t, exclude);
    for (const c of linkable(list)) c.s = linkBound(c, t) < floor ? (1 - options.memberLink) * c.s : linked(c, norm, t);
    query.clear();
    return list.sort(byScore);
  }

  /**
   * The blended score with the newest members, from the centroid score `c.s`: the mean of their `linkTop` best
   * similarities (see `memberLinkTop`); `query` loaded.
   */
  function linked(c: Scored, norm: number, t: number | null, linkTop = 1): number {
    // The k best similarities, descending (k is small: an insertion into a short array).
    const k = Math.min(linkTop, c.e.members.length);
    topLinks.fill(0, 0, k);
    for (let i = Math.max(0, c.e.members.length - options.maxMembersLinked); i < c.e.members.length; i++) {
      const m = c.e.members[i];
      const mn = memberNorm(m);
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
    return (1 - options.memberLink) * c.s + options.memberLink * (link / k) * timeDecay(t, c.e.first, c.e.last, options.time);
  }

  /** What `linked` could give at most, whatever `linkTop`: members matching perfectly (cosine 1, with room for rounding). */
  function linkBound(c: Scored, t: number | null): number {
    return (1 - options.memberLink) * c.s + options.memberLink * (1 + 1e-9) * timeDecay(t, c.e.first, c.e.last, options.time);
  }

  /**
   * The join threshold and the member link's count of best members for an article of `size` terms: a headline's
   * (see `shortThreshold`, `memberLinkTop`), a full text's, or between.
   */
  function joinRule(size: number): { threshold: number; linkTop: number } {
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
  function assignFeatures(f: ArticleFeatures, publishedAt: Date | null | undefined): Assignment {
    const { vector, norm, size } = queryOf(f);
    if (!norm) return { eventId: null, similarity: 0 };
    const { threshold, linkTop } = joinRule(size);
    const t = publishedAt ? publishedAt.getTime() : null;
    const list = centroidScored(vector, norm, t);
    try {
      if (!list.length) return { eventId: null, similarity: 0 };
      const pending = linkable(list).map((c) => ({ c, bound: linkBound(c, t) }));
      pending.sort((a, b) => b.bound - a.bound);
      const unscored = new Set(pending.map((p) => p.c));
      let gate: GateQuery | null = null;
      const gateOnce = () => (gate ??= gateQueryOf(f));
      // Asked again at every step of the loop below: settled once per candidate.
      const allowed = new Map<Scored, boolean>();
      const passes = (c: Scored) => {
        let ok = allowed.get(c);
        if (ok === undefined) allowed.set(c, (ok = mayJoin(vector, c.e, gateOnce)));
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
        c.s = linked(c, norm, t, linkTop);
        unscored.delete(c);
      }
    } finally {
      query.clear();
    }
  }

  /**
   * The join rule's vetoes, whatever the similarity: too few terms shared with the event's profile (see
   * `minSharedTerms`), or dates and numbers that disagree with its members (see `entityGate`). `gate` gives the
   * article's gate terms, asked for only when the gate has to judge.
   */
  function mayJoin(vector: Packed, e: EventState, gate: () => GateQuery): boolean {
    if (options.minSharedTerms > 0 && sharedTerms(vector, e.centroid) < options.minSharedTerms) return false;
    return options.entityGate <= 0 || entityAgreement(gate(), e) >= options.entityGate;
  }

  /**
   * The similarity with which a singleton event `o`'s article would join `e` now, by the join rule; else null.
   * `s` is the profiles' similarity, about the article's own with `e` (its vector is its event's profile).
   */
  function rejoinScore(o: EventState, e: EventState, s: number): number | null {
    const m = o.members[0];
    const { threshold, linkTop } = joinRule(m.vector.ids.length);
    // Far below its join threshold, the member link cannot lift the article there. Reading the event's members for
    // every lone article among the candidates took the second pass from 131 to 391 µs per article at 40k.
    if (s < 0.5 * threshold) return null;
    const norm = memberNorm(m);
    if (!norm) return null;
    query.load(m.vector, terms);
    const cn = centroidNorm(e);
    const c: Scored = { e, s: (cn ? query.dot(e.centroid) / (norm * cn) : 0) * timeDecay(m.t, e.first, e.last, options.time) };
    if (options.memberLink > 0 && e.members.length >= 2) c.s = linked(c, norm, m.t, linkTop);
    query.clear();
    return c.s >= threshold && mayJoin(m.vector, e, () => gateQueryOfPacked(m.vector)) ? c.s : null;
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

  const gateKinds = new Set([...options.entityGateKinds].map((c) => c.charCodeAt(0)));
  // Per term id: 0 not yet known, 1 a gate term, 2 not; and the query's gate terms spread densely (id → weight).
  let gateFlag = new Uint8Array(1024);
  let gateQuery = new Float64Array(1024);
  function isGated(id: number): boolean {
    if (id >= gateFlag.length) {
      gateFlag = grownTo(gateFlag, id + 1);
      gateQuery = new Float64Array(gateFlag.length);
    }
    let f = gateFlag[id];
    if (f === 0) f = gateFlag[id] = gateKinds.has(terms.names[id].charCodeAt(0)) ? 1 : 2;
    return f === 1;
  }

  function gateTerms(v: Packed): Packed {
    const ids: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < v.ids.length; i++) {
      if (isGated(v.ids[i])) {
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
  function gateQueryOf(f: ArticleFeatures): GateQuery {
    const ids: number[] = [];
    const x: number[] = [];
    let sum = 0;
    let count = 0;
    const tv = termVectorOf(f);
    for (let i = 0; i < tv.ids.length; i++) {
      if (!gateKinds.has(termNames[tv.ids[i]].charCodeAt(0))) continue;
      const id = localId(tv.ids[i]);
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
  function gateQueryOfPacked(v: Packed): GateQuery {
    const g = gateTerms(v);
    const ids = Array.from(g.ids);
    const x = ids.map((id, i) => g.w[i] * terms.idf(id));
    return { ids, x, norm: Math.hypot(...x), count: ids.length };
  }

  /**
   * Mean cosine over the gate's terms between the article and the event's newest members; 1 when the article or
   * every such member has too few such terms. The mean rather than the best member: a sister event's report often
   * shares a number or two with one member by chance (a time of day, an age, a year in the background), where it
   * disagrees with the event as a whole (ECB+ B³-F1 0.889 → 0.892, better on either half of its topics).
   */
  function entityAgreement(q: GateQuery, e: EventState): number {
    if (q.count < options.entityGateMinTerms || !q.norm) return 1;
    for (let i = 0; i < q.ids.length; i++) {
      isGated(q.ids[i]); // sizes the scratch arrays
      gateQuery[q.ids[i]] = q.x[i];
    }
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

  type MergePair = { survivor: string; other: string; similarity: number };
  /** The pair of two events as a merge: the older survives. */
  const olderFirst = (a: EventState, b: EventState, similarity: number): MergePair =>
    a.index < b.index ? { survivor: a.id, other: b.id, similarity } : { survivor: b.id, other: a.id, similarity };

  function mergeCandidates(eventIds: string[], threshold = options.threshold, shortThreshold = threshold): MergePair[] {
    const out: MergePair[] = [];
    // Two events of headlines share few words even when they are one story, as two headlines do: the threshold
    // interpolates by the fuller of the two events' articles, as the join threshold does by the article's terms.
    const at = (fill: number) => shortThreshold + (threshold - shortThreshold) * fill;
    for (const id of eventIds) {
      const e = events.get(id);
      if (!e || e.mergedInto !== null || !e.members.length) continue;
      const norm = centroidNorm(e);
      if (!norm) continue;
      const t = e.last;
      const fill = memberFill(e);
      // A merge moves a whole event: two sister events must not meet through it when one article could not.
      const gate = options.entityGate > 0 ? gateQueryOfPacked(e.centroid) : null;
      const rejoin = options.rejoinSingletons && e.members.length >= 2;
      for (const { e: o, s } of scored(e.centroid, norm, t, e, at(fill))) {
        if (rejoin && o.members.length === 1) {
          const sj = rejoinScore(o, e, s);
          if (sj !== null) out.push(olderFirst(o, e, sj));
          continue;
        }
        if (s < at(fill)) {
          if (rejoin) continue;
          break;
        }
        if (s < at(Math.max(fill, memberFill(o)))) continue;
        if (gate && entityAgreement(gate, o) < options.entityGate) continue;
        if (wouldSplit(e, o)) continue;
        out.push(olderFirst(o, e, s));
      }
    }
    return out;
  }

  /**
   * The member count at which an event of `size` members is next checked for a split: every tenth of growth (6, 7,
   * 8 … 11, 13, 15 … 33, 37). A mixed event is split as soon as it is separable rather than at its next quarter:
   * ECB+ B³-F1 +0.0035, +0.0066 and +0.0026 on three groups of orders against every quarter, for twice the checks
   * (1.05 → 2.23 s of a 20,000-article synthetic run of ~30 s, before `splitMaxMembers` went from 64 to 40).
   */
  function nextSplitCheck(size: number): number {
    let at = 2 * options.splitMinSide;
    while (at <= size) at = Math.ceil(at * 1.1);
    return at;
  }

  /** Whether an event's members are full texts, whose nearest neighbours tell stories apart (headlines' do not). */
  const fullTexts = (e: EventState) => memberFill(e) >= 1;

  /** The members' best two-way cut when it shows two stories (see `splitNcut`); null for one, or too many to check. */
  function twoStories(members: Member[]): SpectralCut | null {
    if (options.splitNcut <= 0 || members.length > options.splitMaxMembers) return null;
    const cut = cutOf(members);
    return cut.ncut < options.splitNcut && cut.contrast < options.splitContrast ? cut : null;
  }

  /** The best two-way split of the members (IDF-weighted cosines between them, see spectral-cut.ts). */
  function cutOf(members: Member[]): SpectralCut {
    const n = members.length;
    const sims = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ni = memberNorm(members[i]);
      if (!ni) continue;
      query.load(members[i].vector, terms);
      for (let j = i + 1; j < n; j++) {
        const nj = memberNorm(members[j]);
        if (nj) sims[i * n + j] = sims[j * n + i] = query.dot(members[j].vector) / (ni * nj);
      }
      query.clear();
    }
    return spectralCut(n, sims, options.splitNeighbours, options.splitMinSide);
  }

  /**
   * When a live event has grown to its next check and its members form two stories (see `splitNcut`), the article
   * ids of the side without its first member; else null.
   */
  function splitCandidate(eventId: string): string[] | null {
    const found = events.get(eventId);
    if (!found) return null;
    const e = live(found);
    if (e.members.length < e.splitAt) return null;
    e.splitAt = nextSplitCheck(e.members.length);
    const cut = fullTexts(e) ? twoStories(e.members) : null;
    return cut && e.members.filter((_, i) => cut.side[i]).map((m) => m.articleId);
  }

  /**
   * Moves the given members of a live event into a new event `newEventId` (the rest keep their event). The event
   * stays findable through the moved members' terms until it is next compared: candidates are scored in full, so
   * a stale posting costs a comparison, never a wrong join.
   */
  function split(eventId: string, articleIds: string[], newEventId: string) {
    const found = events.get(eventId);
    if (!found) throw new Error(`unknown event ${eventId}`);
    const e = live(found);
    if (events.has(newEventId)) throw new Error(`event ${newEventId} already exists`);
    const moving = new Set(articleIds);
    const moved = e.members.filter((m) => moving.has(m.articleId));
    if (moved.length !== moving.size) throw new Error(`not every article to split off is in event ${e.id}`);
    if (moved.length === e.members.length) throw new Error(`a split must leave event ${e.id} some members`);
    const kept = e.members.filter((m) => !moving.has(m.articleId));
    e.members = [];
    e.bySource.clear();
    e.first = e.last = null;
    for (const m of kept) attach(e, m);
    rebuildCentroid(e);
    e.splitAt = nextSplitCheck(e.members.length);
    const other = eventFor(newEventId);
    absorb(other, moved);
    other.splitAt = nextSplitCheck(other.members.length);
  }

  /** Adds several members at once (a merge, a split): the profile is rebuilt once, after the last, not per member. */
  function absorb(e: EventState, members: Member[]) {
    e.rebuildAt = Infinity;
    for (const m of members) addMember(e, m);
    rebuildCentroid(e);
  }

  /** Whether two events of full texts, merged, would be split again (then they stay apart). */
  function wouldSplit(a: EventState, b: EventState): boolean {
    if (a.members.length < options.splitMinSide || b.members.length < options.splitMinSide) return false;
    return fullTexts(a) && fullTexts(b) && twoStories([...a.members, ...b.members]) !== null;
  }

  function eventFor(eventId: string): EventState {
    const existing = events.get(eventId);
    if (existing) return live(existing);
    const e: EventState = {
      id: eventId,
      index: byIndex.length,
      members: [],
      bySource: new Map(),
      first: null,
      last: null,
      centroid: { ids: new Int32Array(0), w: new Float64Array(0) },
      centroidNorm: 0,
      centroidEpoch: -1,
      rebuildAt: 1,
      mergedInto: null,
      splitAt: nextSplitCheck(0),
    };
    events.set(eventId, e);
    byIndex.push(e);
    mergedTo = grownTo(mergedTo, e.index + 1);
    mergedTo[e.index] = e.index;
    liveEvents++;
    return e;
  }

  /** Adds a member whose terms are already interned; `vector` sorted by id. */
  function addMember(e: EventState, member: Member) {
    attach(e, member);
    const { ids, w } = member.vector;
    const indexed = topPacked(ids, w, options.indexTerms, terms);
    for (const id of indexed.ids) {
      if (!findable.add(e.index, id)) continue;
      postings.add(id, e.index);
    }
    if (e.members.length >= e.rebuildAt) rebuildCentroid(e);
  }

  /** The member's part of its event that a saved state does not hold: outlet sums, time span, article lookup. */
  function attach(e: EventState, member: Member) {
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
    eventOfArticle.set(member.articleId, e);
  }

  /** Adds an article given as process-wide term ids (term-ids.ts) and their weights. */
  function addPacked(articleId: string, eventId: string, termList: Int32Array, weights: Float64Array, source: string | null, t: number | null) {
    if (eventOfArticle.has(articleId)) throw new Error(`article ${articleId} is already in event ${eventOfArticle.get(articleId)!.id}`);
    const e = eventFor(eventId);
    // Truncated before interning, so that replaying the kept terms gives the same ids and frequencies. The kept
    // terms stay in their given order, so ids depend on the arrival order only.
    const kept = heaviest(termList, weights, options.memberTerms);
    const ids = new Int32Array(kept.length);
    const w = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) {
      ids[i] = intern(termList[kept[i]]);
      w[i] = weights[kept[i]];
    }
    terms.addDocument(ids);
    const vector = stored.copy(topPacked(ids, w, Infinity));
    const member: Member = { articleId, seq: joined.length, vector, gate: stored.copy(gateTerms(vector)), source, t, norm: 0, normEpoch: -1 };
    addMember(e, member);
    joined.push(member);
  }

  function addFeatures(articleId: string, eventId: string, f: ArticleFeatures, publishedAt?: Date | null) {
    const tv = termVectorOf(f);
    addPacked(articleId, eventId, tv.ids, tv.w, f.source ?? null, publishedAt ? publishedAt.getTime() : null);
  }

  function merge(survivorId: string, otherId: string) {
    const survivor = live(events.get(survivorId) ?? eventFor(survivorId));
    const other = events.get(otherId);
    if (!other) throw new Error(`unknown event ${otherId}`);
    const from = live(other);
    if (from === survivor) return;
    absorb(survivor, from.members);
    from.members = [];
    from.bySource.clear();
    from.mergedInto = survivor.id;
    mergedTo[from.index] = survivor.index;
    liveEvents--;
  }

  function exportState(): ClustererSnapshot {
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
      lists.forEach((l, i) => values.set(l, offsets[i]));
      return { offsets, values };
    };
    const memberVectors = packLists(joined.map((m) => m.vector));
    const centroids = packLists(byIndex.map((e) => e.centroid));
    const eventMembers = intLists(byIndex.map((e) => e.members.map((m) => m.seq)));
    const indexed = findable.grouped(byIndex.length);
    const postingLists = postings.lists(terms.size);
    return {
      options: JSON.stringify(options),
      terms: terms.snapshot(),
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

  function restoreState(s: ClustererSnapshot) {
    if (joined.length || byIndex.length) throw new Error("restoreState needs an empty clusterer");
    if (s.options !== JSON.stringify(options)) throw new Error("clusterer state was saved with other options; rebuild it from the stored articles");
    checkSnapshot(s);
    terms = TermIndex.load(termOptions, s.terms);
    for (let id = 0; id < s.terms.names.length; id++) {
      const g = termId(s.terms.names[id]);
      if (localId(g) >= 0) throw new Error(`clusterer state is inconsistent: term "${s.terms.names[id]}" twice`);
      setLocal(g, id);
    }
    for (let i = 0; i < s.articles.length; i++) {
      const a = s.memberOffsets[i];
      const b = s.memberOffsets[i + 1];
      const vector = { ids: s.memberIds.subarray(a, b), w: s.memberWeights.subarray(a, b) };
      const t = Number.isNaN(s.times[i]) ? null : s.times[i];
      joined.push({ articleId: s.articles[i], seq: i, vector, gate: stored.copy(gateTerms(vector)), source: s.sources[i], t, norm: 0, normEpoch: -1 });
    }
    for (let i = 0; i < s.events.length; i++) {
      if (events.has(s.events[i])) throw new Error(`clusterer state is inconsistent: event ${s.events[i]} twice`);
      const e = eventFor(s.events[i]);
      for (let k = s.eventMemberOffsets[i]; k < s.eventMemberOffsets[i + 1]; k++) attach(e, joined[s.eventMembers[k]]);
      e.centroid = { ids: s.centroidIds.subarray(s.centroidOffsets[i], s.centroidOffsets[i + 1]), w: s.centroidWeights.subarray(s.centroidOffsets[i], s.centroidOffsets[i + 1]) };
      e.rebuildAt = s.rebuildAt[i];
      e.splitAt = nextSplitCheck(e.members.length);
      for (let k = s.indexedOffsets[i]; k < s.indexedOffsets[i + 1]; k++) findable.add(i, s.indexedIds[k]);
    }
    for (let i = 0; i < s.events.length; i++) {
      if (s.mergedInto[i] === -1) continue;
      byIndex[i].mergedInto = s.events[s.mergedInto[i]];
      mergedTo[i] = s.mergedInto[i];
      liveEvents--;
    }
    postings = PostingLists.fromLists(s.postingOffsets, s.postings);
  }

  return {
    options,
    features: featuresOf,
    assign: (article, f) => assignFeatures(usable(f, article), article.publishedAt),
    add: (article, eventId, f) => addFeatures(article.id, eventId, usable(f, article), article.publishedAt),
    ingest(article, newEventId, f) {
      const feats = usable(f, article);
      const { eventId, similarity } = assignFeatures(feats, article.publishedAt);
      const id = eventId ?? newEventId();
      addFeatures(article.id, id, feats, article.publishedAt);
      return { eventId: id, created: eventId === null, similarity };
    },
    restore(entries) {
      for (const entry of entries) addFeatures(entry.articleId, entry.eventId, entry.features, entry.publishedAt);
      // As streaming leaves them: each event last checked for a split at its present size.
      for (const e of byIndex) e.splitAt = nextSplitCheck(e.members.length);
    },
    merge,
    splitCandidate,
    split,
    secondPassPairs: (eventId) => mergeCandidates([eventId], options.mergeThreshold, options.mergeShortThreshold),
    mergeCandidates,
    centralArticle(eventId) {
      const found = events.get(eventId);
      if (!found) return null;
      const e = live(found);
      const cn = centroidNorm(e);
      query.load(e.centroid, terms);
      let best: string | null = null;
      let bestSim = -1;
      for (const m of e.members) {
        const mn = memberNorm(m);
        const sim = mn && cn ? query.dot(m.vector) / (mn * cn) : 0;
        if (sim > bestSim) [best, bestSim] = [m.articleId, sim];
      }
      query.clear();
      return best;
    },
    members(eventId) {
      const e = events.get(eventId);
      return e && e.mergedInto === null ? e.members.map((m) => m.articleId) : [];
    },
    eventOf: (articleId) => {
      const e = eventOfArticle.get(articleId);
      return e ? live(e).id : null;
    },
    resolve: (eventId) => {
      const e = events.get(eventId);
      return e ? live(e).id : eventId;
    },
    exportState,
    restoreState,
    get eventCount() {
      return liveEvents;
    },
    get articleCount() {
      return terms.docs;
    },
  };
}

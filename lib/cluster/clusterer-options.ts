// The clusterer's options, each with the measurements that chose its default.
import { defaultFeatureOptions, type FeatureOptions } from "./features";
import type { TimeDecayOptions } from "./time-decay";

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

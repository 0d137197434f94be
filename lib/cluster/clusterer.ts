// The online event clusterer: each article joins the most similar existing event or starts a new one, as it
// arrives. Pure and in memory; the same arrival order always gives the same events, and a state rebuilt by
// replaying the stored memberships (`restore`) continues exactly as the uninterrupted one would.
//
// Cost per article is bounded whatever the number of stored articles: candidates come from the article's heaviest
// terms through posting lists read newest-first up to a cap, a bounded number of candidates is compared in full,
// an event's profile keeps its heaviest terms only, and the member link reads the newest members only.
//
// Its parts: the state (cluster-state.ts; membership.ts, event-profile.ts, state-export.ts), candidate search
// (candidates.ts), the join rule and its gates (join-rule.ts, entity-gate.ts) and the second pass (merge-candidates.ts,
// event-split.ts). Each is plain functions over one shared `ClusterState`.
import { articleFeatures, defaultFeatureOptions, featuresVersion } from "./features";
import type { ClustererSnapshot } from "./clusterer-snapshot";
import { defaultClustererOptions, type ClustererConfig, type ClustererOptions } from "./clusterer-options";
import { centroidNorm, live, memberNorm, ClusterState } from "./cluster-state";
import { nextSplitCheck, splitCandidate } from "./event-split";
import { assignFeatures } from "./join-rule";
import { mergeCandidates } from "./merge-candidates";
import { addFeatures, merge, split } from "./membership";
import { exportState, restoreState } from "./state-export";
import type { ArticleFeatures, Assignment, ClusterArticle, IngestResult, RestoreEntry } from "./types";

export { defaultClustererOptions, type ClustererConfig, type ClustererOptions } from "./clusterer-options";

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
  mergeCandidates(
    eventIds: string[],
    threshold?: number,
    shortThreshold?: number,
  ): { survivor: string; other: string; similarity: number }[];
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

export function createClusterer(config: ClustererConfig = {}): Clusterer {
  const options: ClustererOptions = {
    ...defaultClustererOptions,
    ...config,
    features: { ...defaultFeatureOptions, ...config.features },
    time: { ...defaultClustererOptions.time, ...config.time },
  };
  const s = new ClusterState(options);
  const featuresOf = (article: ClusterArticle): ArticleFeatures => articleFeatures(article, options.features);
  const usable = (f: ArticleFeatures | undefined, article: ClusterArticle) =>
    f && f.v === featuresVersion ? f : featuresOf(article);

  return {
    options,
    features: featuresOf,
    assign: (article, f) => assignFeatures(s, usable(f, article), article.publishedAt),
    add: (article, eventId, f) => addFeatures(s, article.id, eventId, usable(f, article), article.publishedAt),
    ingest(article, newEventId, f) {
      const feats = usable(f, article);
      const { eventId, similarity } = assignFeatures(s, feats, article.publishedAt);
      const id = eventId ?? newEventId();
      addFeatures(s, article.id, id, feats, article.publishedAt);
      return { eventId: id, created: eventId === null, similarity };
    },
    restore(entries) {
      for (const entry of entries) addFeatures(s, entry.articleId, entry.eventId, entry.features, entry.publishedAt);
      // As streaming leaves them: each event last checked for a split at its present size.
      for (const e of s.byIndex) e.splitAt = nextSplitCheck(s, e.members.length);
    },
    merge: (survivorId, otherId) => merge(s, survivorId, otherId),
    splitCandidate: (eventId) => splitCandidate(s, eventId),
    split: (eventId, articleIds, newEventId) => split(s, eventId, articleIds, newEventId),
    secondPassPairs: (eventId) => mergeCandidates(s, [eventId], options.mergeThreshold, options.mergeShortThreshold),
    mergeCandidates: (eventIds, threshold, shortThreshold) => mergeCandidates(s, eventIds, threshold, shortThreshold),
    centralArticle(eventId) {
      const found = s.events.get(eventId);
      if (!found) return null;
      const e = live(s, found);
      const cn = centroidNorm(s, e);
      s.query.load(e.centroid, s.terms);
      let best: string | null = null;
      let bestSim = -1;
      for (const m of e.members) {
        const mn = memberNorm(s, m);
        const sim = mn && cn ? s.query.dot(m.vector) / (mn * cn) : 0;
        if (sim > bestSim) [best, bestSim] = [m.articleId, sim];
      }
      s.query.clear();
      return best;
    },
    members(eventId) {
      const e = s.events.get(eventId);
      return e && e.mergedInto === null ? e.members.map((m) => m.articleId) : [];
    },
    eventOf: (articleId) => {
      const e = s.eventOfArticle.get(articleId);
      return e ? live(s, e).id : null;
    },
    resolve: (eventId) => {
      const e = s.events.get(eventId);
      return e ? live(s, e).id : eventId;
    },
    exportState: () => exportState(s),
    restoreState: (snapshot) => restoreState(s, snapshot),
    get eventCount() {
      return s.liveEvents;
    },
    get articleCount() {
      return s.terms.docs;
    },
  };
}

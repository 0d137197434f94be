// The online event clusterer: each article joins the most similar existing event or starts a new one, as it
// arrives. Pure and in memory; the same arrival order always gives the same events.
import { articleFeatures, defaultFeatureOptions, featuresVersion, type FeatureOptions } from "./features";
import { timeDecay, type TimeDecayOptions } from "./time-decay";
import type { ArticleFeatures, Assignment, ClusterArticle, IngestResult, RestoreEntry } from "./types";
import { cosineIdf, dotIdf, normIdf, topEntries, type Sparse } from "./vectors";

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

  features: FeatureOptions;
  time: TimeDecayOptions;
  /** The article's heaviest terms used to look up candidate events in the inverted index. */
  candidateTerms: number;
  /** Events compared in full per article, whatever the number of events. */
  maxCandidates: number;
  /** Newest events read per posting list, so that a common term cannot make the lookup grow without bound. */
  maxPostings: number;
  /** An event's profile keeps its heaviest terms only, bounding the cost of a comparison. */
  centroidTerms: number;
  /**
   * Weight of the best single-member similarity blended with the centroid similarity (0 = centroid only). A
   * large event's centroid blurs; a close match to one member is evidence the centroid alone misses.
   */
  memberLink: number;
  /** Members compared for the member link (the newest ones). */
  maxMembersLinked: number;
  /** Best centroid candidates re-scored with the member link. */
  linkCandidates: number;
}

export const defaultClustererOptions: ClustererOptions = {
  threshold: 0.3,
  shortThreshold: 0.1,
  fullTerms: 40,
  idfPower: 1,
  idfPriorDocs: 100,
  features: defaultFeatureOptions,
  // Follow-ups and late reports of one event keep coming for weeks, and printed dates are sometimes crawl dates,
  // so the decay is gentle: a week's grace, then halving every three weeks.
  time: { graceDays: 7, halfLifeDays: 21 },
  candidateTerms: 12,
  maxCandidates: 20,
  maxPostings: 500,
  centroidTerms: 300,
  memberLink: 0.5,
  maxMembersLinked: 30,
  linkCandidates: 5,
};

export type ClustererConfig = Partial<Omit<ClustererOptions, "features" | "time">> & {
  features?: Partial<FeatureOptions>;
  time?: Partial<TimeDecayOptions>;
};

interface Member {
  articleId: string;
  terms: Sparse;
}

interface EventState {
  id: string;
  /** Creation order: the tie-breaker that keeps results independent of Map and sort internals. */
  index: number;
  members: Member[];
  /** Per outlet: the sum of its articles' vectors and their count. */
  bySource: Map<string, { sum: Sparse; n: number }>;
  indexedTerms: Set<string>;
  first: number | null;
  last: number | null;
  centroid: Sparse | null;
}

export interface Clusterer {
  readonly options: ClustererOptions;
  features(article: ClusterArticle): ArticleFeatures;
  assign(article: ClusterArticle, features?: ArticleFeatures): Assignment;
  add(article: ClusterArticle, eventId: string, features?: ArticleFeatures): void;
  ingest(article: ClusterArticle, newEventId: () => string, features?: ArticleFeatures): IngestResult;
  restore(entries: RestoreEntry[]): void;
  /** The member closest to its event's profile (whose headline can stand for the event). */
  centralArticle(eventId: string): string | null;
  eventOf(articleId: string): string | null;
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
  const df = new Map<string, number>();
  let docs = 0;
  const events = new Map<string, EventState>();
  const postings = new Map<string, EventState[]>();
  const eventOfArticle = new Map<string, string>();

  const idf = (term: string) => Math.pow(Math.log((docs + options.idfPriorDocs + 1) / ((df.get(term) ?? 0) + 1)) + 1, options.idfPower);

  const featuresOf = (article: ClusterArticle): ArticleFeatures => articleFeatures(article, options.features);

  const usable = (f: ArticleFeatures | undefined, article: ClusterArticle) =>
    f && f.v === featuresVersion ? f : featuresOf(article);

  function centroidOf(e: EventState): Sparse {
    if (e.centroid) return e.centroid;
    const sum: Sparse = new Map();
    for (const { sum: s, n } of e.bySource.values()) {
      for (const [t, w] of s) sum.set(t, (sum.get(t) ?? 0) + w / n);
    }
    e.centroid = new Map(topEntries(sum, options.centroidTerms));
    return e.centroid;
  }

  function candidates(vector: Sparse): EventState[] {
    const weighted = [...vector].map(([t, w]) => [t, w * idf(t)] as [string, number]);
    const top = topEntries(new Map(weighted), options.candidateTerms);
    const score = new Map<EventState, number>();
    for (const [t, w] of top) {
      const list = postings.get(t);
      if (!list) continue;
      for (let i = list.length - 1, seen = 0; i >= 0 && seen < options.maxPostings; i--, seen++) {
        score.set(list[i], (score.get(list[i]) ?? 0) + w);
      }
    }
    return [...score]
      .sort((a, b) => b[1] - a[1] || a[0].index - b[0].index)
      .slice(0, options.maxCandidates)
      .map(([e]) => e);
  }

  function centroidScore(vector: Sparse, norm: number, e: EventState, t: number | null): number {
    const centroid = centroidOf(e);
    const cn = normIdf(centroid, idf);
    const sim = cn ? dotIdf(vector, centroid, idf) / (norm * cn) : 0;
    return sim * timeDecay(t, e.first, e.last, options.time);
  }

  function memberScore(vector: Sparse, norm: number, e: EventState, t: number | null): number {
    let best = 0;
    for (const m of e.members.slice(-options.maxMembersLinked)) best = Math.max(best, cosineIdf(vector, m.terms, idf, norm));
    return best * timeDecay(t, e.first, e.last, options.time);
  }

  /** Candidates scored by centroid, the best few re-scored with the member link; best first. */
  function scored(vector: Sparse, norm: number, t: number | null): { e: EventState; s: number }[] {
    const byScore = (a: { e: EventState; s: number }, b: { e: EventState; s: number }) => b.s - a.s || a.e.index - b.e.index;
    const list = candidates(vector).map((e) => ({ e, s: centroidScore(vector, norm, e, t) })).sort(byScore);
    if (options.memberLink > 0) {
      for (const c of list.slice(0, options.linkCandidates)) {
        if (c.e.members.length > 1) c.s = (1 - options.memberLink) * c.s + options.memberLink * memberScore(vector, norm, c.e, t);
      }
      list.sort(byScore);
    }
    return list;
  }

  function assignFeatures(f: ArticleFeatures, publishedAt: Date | null | undefined): Assignment {
    const vector: Sparse = new Map(Object.entries(f.terms));
    const norm = normIdf(vector, idf);
    if (!norm) return { eventId: null, similarity: 0 };
    const t = publishedAt ? publishedAt.getTime() : null;
    const [top] = scored(vector, norm, t);
    if (!top) return { eventId: null, similarity: 0 };
    const fill = Math.min(1, vector.size / options.fullTerms);
    const threshold = options.shortThreshold + (options.threshold - options.shortThreshold) * fill;
    return { eventId: top.s >= threshold ? top.e.id : null, similarity: top.s };
  }

  function addFeatures(articleId: string, eventId: string, f: ArticleFeatures, publishedAt?: Date | null) {
    if (eventOfArticle.has(articleId)) throw new Error(`article ${articleId} is already in event ${eventOfArticle.get(articleId)}`);
    let e = events.get(eventId);
    if (!e) {
      e = { id: eventId, index: events.size, members: [], bySource: new Map(), indexedTerms: new Set(), first: null, last: null, centroid: null };
      events.set(eventId, e);
    }
    const terms: Sparse = new Map(Object.entries(f.terms));
    docs++;
    for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    e.members.push({ articleId, terms });
    // An article without a known outlet counts as an outlet of its own.
    const sourceKey = f.source ? `s:${f.source}` : `a:${articleId}`;
    const bucket = e.bySource.get(sourceKey) ?? { sum: new Map<string, number>(), n: 0 };
    for (const [term, w] of terms) bucket.sum.set(term, (bucket.sum.get(term) ?? 0) + w);
    bucket.n++;
    e.bySource.set(sourceKey, bucket);
    e.centroid = null;
    for (const term of terms.keys()) {
      if (e.indexedTerms.has(term)) continue;
      e.indexedTerms.add(term);
      const list = postings.get(term);
      if (list) list.push(e);
      else postings.set(term, [e]);
    }
    if (publishedAt) {
      const t = publishedAt.getTime();
      e.first = e.first === null ? t : Math.min(e.first, t);
      e.last = e.last === null ? t : Math.max(e.last, t);
    }
    eventOfArticle.set(articleId, eventId);
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
    },
    centralArticle(eventId) {
      const e = events.get(eventId);
      if (!e) return null;
      const centroid = centroidOf(e);
      let best: string | null = null;
      let bestSim = -1;
      for (const m of e.members) {
        const sim = cosineIdf(m.terms, centroid, idf);
        if (sim > bestSim) {
          best = m.articleId;
          bestSim = sim;
        }
      }
      return best;
    },
    eventOf: (articleId) => eventOfArticle.get(articleId) ?? null,
    get eventCount() {
      return events.size;
    },
    get articleCount() {
      return docs;
    },
  };
}

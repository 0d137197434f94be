// Runs a clusterer over a labelled corpus in several seeded arrival orders and averages the scores.
import { createClusterer, type ClustererConfig } from "@/lib/cluster/clusterer";
import { bcubed, bcubedLoss, pairwise, type Scores } from "./metrics";
import type { LabelledArticle } from "./corpus";
import { seededShuffle } from "./shuffle";
import { secondPass } from "@/lib/cluster/second-pass";
import type { ClusterArticle } from "@/lib/cluster/types";

/**
 * Builds a fresh clusterer and returns a function placing one article, returning its event label; `resolve`, when
 * given, maps a label to its final one once every article is placed (events merged later on).
 */
export type ClustererFactory = () => ((article: ClusterArticle) => string) & { resolve?: (label: string) => string };

/** The production clusterer with the second pass after every article, scored on the events as they stand at the end. */
export function productionFactory(config: ClustererConfig = {}): ClustererFactory {
  return () => {
    const c = createClusterer(config);
    let n = 0;
    const place = (article: ClusterArticle) => {
      const newId = () => `e${++n}`;
      const id = c.ingest(article, newId).eventId;
      secondPass(c, id, newId);
      return article.id;
    };
    // Labelled by article: a split moves articles to a new event, which their placement's label cannot follow.
    return Object.assign(place, { resolve: (articleId: string) => c.eventOf(articleId) ?? articleId });
  };
}

export interface Evaluation {
  bcubed: Scores;
  pairwise: Scores;
  events: number;
  articlesPerSecond: number;
  /** Per gold label, its mean share of the B³ precision and recall loss (see `bcubedLoss`). */
  loss: Map<string, { precision: number; recall: number }>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const meanScores = (xs: Scores[]): Scores => ({
  precision: mean(xs.map((x) => x.precision)),
  recall: mean(xs.map((x) => x.recall)),
  f1: mean(xs.map((x) => x.f1)),
});

export function evaluate(corpus: LabelledArticle[], factory: ClustererFactory, seeds: number[]): Evaluation {
  const b: Scores[] = [];
  const p: Scores[] = [];
  const events: number[] = [];
  const loss = new Map<string, { precision: number; recall: number }>();
  let articles = 0;
  let ms = 0;
  for (const seed of seeds) {
    const order = seededShuffle(corpus, seed);
    const place = factory();
    const start = performance.now();
    const placed = order.map((x) => place(x.article));
    ms += performance.now() - start;
    const predicted = place.resolve ? placed.map(place.resolve) : placed;
    articles += order.length;
    const gold = order.map((x) => x.gold);
    b.push(bcubed(predicted, gold));
    p.push(pairwise(predicted, gold));
    events.push(new Set(predicted).size);
    for (const [g, l] of bcubedLoss(predicted, gold)) {
      const sum = loss.get(g) ?? { precision: 0, recall: 0 };
      sum.precision += l.precision / seeds.length;
      sum.recall += l.recall / seeds.length;
      loss.set(g, sum);
    }
  }
  return {
    bcubed: meanScores(b),
    pairwise: meanScores(p),
    events: mean(events),
    articlesPerSecond: (articles / ms) * 1000,
    loss,
  };
}

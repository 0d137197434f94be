// The contract between the incremental clusterer and its callers (ingest, `npm run cluster`, recluster).

export interface ClusterArticle {
  id: string;
  title: string;
  text: string;
  publishedAt?: Date | null;
  /** Outlet domain or name; used so that one outlet's articles do not dominate an event's profile. */
  source?: string | null;
  url?: string | null;
}

/**
 * What the clusterer keeps of an article, stored as JSON in Article.features so that the state can be rebuilt
 * without re-tokenising every text. Weights are rounded so that a JSON round trip gives identical numbers.
 * A value: not changed once made (the clusterer keeps its term-id form beside it, see term-ids.ts).
 */
export interface ArticleFeatures {
  /** Format version; features of another version are recomputed from the text. */
  v: number;
  /** Stemmed term (or "~entity", "#number") → section-weighted, sublinear term frequency, unit length. */
  terms: Record<string, number>;
  /** Outlet, when known; an event's profile averages per outlet. */
  source?: string | null;
}

export interface Assignment {
  /** The best existing event, or null when the article should start a new one. */
  eventId: string | null;
  /** Similarity to the best candidate event (0 when there was none). */
  similarity: number;
}

export interface IngestResult {
  eventId: string;
  created: boolean;
  similarity: number;
}

export interface RestoreEntry {
  articleId: string;
  eventId: string;
  features: ArticleFeatures;
  publishedAt?: Date | null;
}

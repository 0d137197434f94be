// The search interface. lib/search/sqlite.ts satisfies it with FTS5; a PostgreSQL implementation (tsvector +
// ts_rank + ts_headline with the same markers) can satisfy it without callers changing.
import type { SourceRef } from "@/lib/events/types";

export interface SearchQuery {
  /** What the user typed. Treated as plain words: operators and quotes carry no meaning (see terms.ts). */
  q: string;
  /** Tag slug; only events carrying the tag match. */
  tag?: string;
  /** Outlet domain, e.g. "reuters.com": only events with an article from that outlet match. */
  outlet?: string;
  /** Events whose coverage overlaps [from, to]. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface SearchHit {
  eventId: number;
  title: string;
  summary: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  articleCount: number;
  sources: SourceRef[];
  /** Higher is more relevant; only comparable within one result set. */
  score: number;
  /**
   * A short excerpt around the matches, with matched terms between SNIPPET_OPEN and SNIPPET_CLOSE. Plain text,
   * never HTML: render it with snippetParts().
   */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  limit: number;
  offset: number;
}

export interface SearchIndex {
  query(query: SearchQuery): Promise<SearchResult>;
  /** Re-reads every article and event into the index (after a bulk import or a table redefinition). */
  rebuild(): Promise<void>;
}

// What lib/events/data.ts hands to pages and to the JSON mappers: plain objects with real Dates.

import type { SourceRef } from "@/lib/sources/source-ref";

export type { SourceRef };

export interface EventSummary {
  id: number;
  title: string;
  summary: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  articleCount: number;
  /** Distinct outlets as the clusterer counted them; `sources` lists them by name. */
  sourceCount: number;
  sources: SourceRef[];
}

export interface EventArticle {
  id: number;
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  language: string | null;
  url: string | null;
  /** complete | partial (feed content only) */
  status: string;
  source: SourceRef | null;
  text: string;
}

export interface EventDetail extends EventSummary {
  /** Oldest first; articles without a date last. */
  articles: EventArticle[];
}

export interface EventPage {
  events: EventSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** getEvent's answer for an event that was merged away: the id of the event that absorbed it. */
export interface EventRedirect {
  redirectTo: number;
}

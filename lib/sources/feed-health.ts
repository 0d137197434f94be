// One reading of a feed's health for the editors' sources page and `npm run feeds:status`, so both say the same
// thing. A feed that has failed and never once succeeded is the likeliest to have a wrong URL (the shipped defaults
// were written without network access), so it gets its own state rather than looking like a passing outage.
import { isUnverifiedDefaultFeed } from "@/lib/outlets/known-outlets";

export interface FeedHealthInput {
  url: string;
  enabled: boolean;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  lastFetchedAt: Date | null;
  lastError: string | null;
}

export interface FeedHealth {
  /** "disabled", "never fetched", "failing ×N", "not fetched yet" or "ok". */
  state: string;
  /** Something an editor should look at. */
  alarm: boolean;
  /** The error line to show: "never fetched: <error>" or "last error: <error>"; null when there is none. */
  error: string | null;
  /** A shipped default feed whose URL is not in the catalogue of feeds known to work, and that never answered. */
  unverified: boolean;
}

const MAX_ERROR_CHARS = 500;

export function feedHealth(feed: FeedHealthInput): FeedHealth {
  const neverSucceeded = feed.lastSuccessAt === null;
  const failing = feed.enabled && feed.consecutiveFailures > 0;
  const neverFetched = failing && neverSucceeded;
  const state = !feed.enabled
    ? "disabled"
    : neverFetched
      ? "never fetched"
      : failing
        ? `failing ×${feed.consecutiveFailures}`
        : feed.lastFetchedAt === null
          ? "not fetched yet"
          : "ok";
  const message = feed.lastError?.replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_CHARS) || null;
  return {
    state,
    alarm: failing,
    error: message && `${neverFetched ? "never fetched" : "last error"}: ${message}`,
    unverified: neverSucceeded && isUnverifiedDefaultFeed(feed.url),
  };
}

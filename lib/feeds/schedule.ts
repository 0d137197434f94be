// When to poll a feed next. Pure functions, so the policy can be tested without clocks or servers.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Publisher hints (ttl, max-age) may stretch the interval up to this, not further: news goes stale fast. */
export const MAX_HINTED_INTERVAL_MS = 6 * HOUR;
export const MAX_BACKOFF_MS = 24 * HOUR;
const MAX_JITTER_MS = 5 * MINUTE;

/** max-age seconds from Cache-Control, ignoring it when the response may not be cached at all. */
export function maxAgeFromCacheControl(header: string | null | undefined): number | null {
  if (!header) return null;
  if (/\b(no-store|no-cache)\b/i.test(header)) return null;
  const m = /\b(?:s-maxage|max-age)\s*=\s*"?(\d+)/i.exec(header);
  return m ? Number(m[1]) : null;
}

/** A stable fraction in [0, 1) per (feed, attempt): spreads feeds apart without making tests flaky. */
export function jitterFraction(feedId: number, salt: number): number {
  let h = (Math.imul(feedId, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** A stable fraction in [0, 1) for a string (FNV-1a, then a finaliser so similar URLs land far apart). */
export function stringFraction(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return jitterFraction(h | 0, 0x5eed);
}

/**
 * How long after being switched on a feed is first polled: a point in [0, interval) fixed by its URL. Enabling a
 * catalogue category of thousands of feeds then spreads their first polls evenly over one interval (and so the
 * polls that follow, which are timed from each feed's own last poll) instead of queueing them all at once.
 */
export function firstPollDelayMs(url: string, intervalMs: number): number {
  return Math.floor(stringFraction(url) * Math.max(0, intervalMs));
}

export interface ScheduleInput {
  feedId: number;
  now: Date;
  baseIntervalMinutes: number;
  /** Failures in a row including this attempt; 0 after a success. */
  consecutiveFailures: number;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  skipHours?: number[] | null;
  /** Articles the feed brought in the past week; null for a feed too new to tell. */
  weeklyItems?: number | null;
  /** Retry-After of a failed response: waited out (up to the backoff cap) when longer than the backoff. */
  retryAfterSeconds?: number | null;
}

export function nextFetchDelayMs(input: ScheduleInput): number {
  const base = Math.max(1, input.baseIntervalMinutes) * MINUTE;
  let delay: number;
  if (input.consecutiveFailures > 0) {
    // base, 2×base, 4×base, … up to a day.
    delay = Math.min(base * 2 ** Math.min(input.consecutiveFailures - 1, 30), MAX_BACKOFF_MS);
    if (input.retryAfterSeconds) delay = Math.max(delay, Math.min(input.retryAfterSeconds * 1000, MAX_BACKOFF_MS));
  } else {
    const hints = [
      input.ttlMinutes ? input.ttlMinutes * MINUTE : 0,
      input.maxAgeSeconds ? input.maxAgeSeconds * 1000 : 0,
    ];
    // A hint can ask us to come back later, never sooner than our own interval.
    delay = Math.max(activityInterval(base, input.weeklyItems), Math.min(Math.max(...hints), MAX_HINTED_INTERVAL_MS));
  }
  const jitter = Math.min(delay * 0.1, MAX_JITTER_MS) * jitterFraction(input.feedId, input.consecutiveFailures);
  return Math.round(delay + jitter);
}

const WEEK = 7 * 24 * HOUR;

/**
 * The interval a feed's own pace calls for (as Miniflux's entry-frequency scheduler does): a week divided by the
 * items it brought last week, between our base interval and the 6-hour cap. A wire feed stays at the base; a
 * weekly column is polled every few hours; a silent feed slows to the cap.
 */
export function activityInterval(baseMs: number, weeklyItems: number | null | undefined): number {
  if (weeklyItems === null || weeklyItems === undefined) return baseMs;
  if (weeklyItems <= 0) return Math.max(baseMs, MAX_HINTED_INTERVAL_MS);
  return Math.min(Math.max(baseMs, WEEK / weeklyItems), Math.max(baseMs, MAX_HINTED_INTERVAL_MS));
}

/** Moves a time out of the publisher's skipHours (UTC), to the start of the next allowed hour. */
export function outsideSkipHours(at: Date, skipHours: number[] | null | undefined): Date {
  const skip = new Set(skipHours ?? []);
  if (skip.size === 0 || skip.size >= 24) return at;
  let t = at;
  while (skip.has(t.getUTCHours())) {
    t = new Date(Math.floor(t.getTime() / HOUR) * HOUR + HOUR);
  }
  return t;
}

export function nextFetchAt(input: ScheduleInput): Date {
  const at = new Date(input.now.getTime() + nextFetchDelayMs(input));
  // skipHours is a courtesy for healthy polling; retries after errors follow the backoff alone.
  return input.consecutiveFailures > 0 ? at : outsideSkipHours(at, input.skipHours);
}

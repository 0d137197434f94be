import { describe, expect, it } from "vitest";
import {
  activityInterval,
  firstPollDelayMs,
  jitterFraction,
  maxAgeFromCacheControl,
  nextFetchAt,
  nextFetchDelayMs,
  outsideSkipHours,
} from "./schedule";

const MIN = 60_000;
const base = { feedId: 7, now: new Date("2025-03-04T10:00:00Z"), baseIntervalMinutes: 15, consecutiveFailures: 0 };

describe("nextFetchDelayMs", () => {
  it("uses the base interval plus at most 10% jitter", () => {
    const d = nextFetchDelayMs(base);
    expect(d).toBeGreaterThanOrEqual(15 * MIN);
    expect(d).toBeLessThan(16.5 * MIN);
  });

  it("is deterministic per feed and differs between feeds", () => {
    expect(nextFetchDelayMs(base)).toBe(nextFetchDelayMs(base));
    const delays = new Set([1, 2, 3, 4, 5, 6].map((feedId) => nextFetchDelayMs({ ...base, feedId })));
    expect(delays.size).toBeGreaterThan(3);
  });

  it("honours ttl and max-age when they are longer, up to 6 hours", () => {
    expect(nextFetchDelayMs({ ...base, ttlMinutes: 60 })).toBeGreaterThanOrEqual(60 * MIN);
    expect(nextFetchDelayMs({ ...base, ttlMinutes: 60 })).toBeLessThan(65 * MIN + 1);
    expect(nextFetchDelayMs({ ...base, maxAgeSeconds: 1800 })).toBeGreaterThanOrEqual(30 * MIN);
    expect(nextFetchDelayMs({ ...base, ttlMinutes: 5 })).toBeLessThan(16.5 * MIN);
    const capped = nextFetchDelayMs({ ...base, ttlMinutes: 10_000 });
    expect(capped).toBeGreaterThanOrEqual(360 * MIN);
    expect(capped).toBeLessThanOrEqual(365 * MIN);
  });

  it("backs off exponentially on failures, capped at a day plus jitter", () => {
    const d = (n: number) => nextFetchDelayMs({ ...base, consecutiveFailures: n });
    expect(d(1)).toBeGreaterThanOrEqual(15 * MIN);
    expect(d(2)).toBeGreaterThanOrEqual(30 * MIN);
    expect(d(3)).toBeGreaterThanOrEqual(60 * MIN);
    expect(d(3)).toBeLessThan(66 * MIN);
    expect(d(20)).toBeGreaterThanOrEqual(24 * 60 * MIN);
    expect(d(20)).toBeLessThanOrEqual(24 * 60 * MIN + 5 * MIN);
    expect(d(500)).toBe(d(500));
    expect(Number.isFinite(d(500))).toBe(true);
  });

  it("waits out a Retry-After longer than the backoff, within the cap", () => {
    const d = (retryAfterSeconds: number) => nextFetchDelayMs({ ...base, consecutiveFailures: 1, retryAfterSeconds });
    expect(d(3 * 3600)).toBeGreaterThanOrEqual(3 * 60 * MIN);
    expect(d(60)).toBeLessThan(16.5 * MIN);
    expect(d(10 * 24 * 3600)).toBeLessThanOrEqual(24 * 60 * MIN + 5 * MIN);
  });
});

describe("jitterFraction", () => {
  it("stays in [0, 1)", () => {
    for (let id = 0; id < 500; id++) {
      const f = jitterFraction(id, id % 7);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
});

describe("maxAgeFromCacheControl", () => {
  it("reads max-age and s-maxage, ignoring no-cache/no-store", () => {
    expect(maxAgeFromCacheControl("public, max-age=600")).toBe(600);
    expect(maxAgeFromCacheControl("s-maxage=120")).toBe(120);
    expect(maxAgeFromCacheControl("no-cache, max-age=600")).toBeNull();
    expect(maxAgeFromCacheControl(undefined)).toBeNull();
  });
});

describe("skipHours", () => {
  it("moves a time out of skipped UTC hours", () => {
    expect(outsideSkipHours(new Date("2025-03-04T01:20:00Z"), [1, 2])).toEqual(new Date("2025-03-04T03:00:00Z"));
    expect(outsideSkipHours(new Date("2025-03-04T23:20:00Z"), [23, 0])).toEqual(new Date("2025-03-05T01:00:00Z"));
    const t = new Date("2025-03-04T05:20:00Z");
    expect(outsideSkipHours(t, [1, 2])).toBe(t);
    expect(
      outsideSkipHours(
        t,
        Array.from({ length: 24 }, (_, h) => h),
      ),
    ).toBe(t);
  });

  it("applies to healthy polls but not to retries", () => {
    const now = new Date("2025-03-04T00:50:00Z");
    expect(nextFetchAt({ ...base, now, skipHours: [1] }).getTime()).toBe(Date.parse("2025-03-04T02:00:00Z"));
    expect(nextFetchAt({ ...base, now, skipHours: [1], consecutiveFailures: 1 }).getUTCHours()).toBe(1);
  });
});

describe("activityInterval", () => {
  const base = 15 * 60_000;
  it("keeps a busy feed at the base interval and slows a quiet one, up to six hours", () => {
    expect(activityInterval(base, 2_000)).toBe(base); // a wire feed
    expect(activityInterval(base, 84)).toBe(2 * 3_600_000); // a week / 84 items = 2 h
    expect(activityInterval(base, 3)).toBe(6 * 3_600_000); // capped
    expect(activityInterval(base, 0)).toBe(6 * 3_600_000); // silent
  });

  it("leaves a feed too new to tell at the base interval", () => {
    expect(activityInterval(base, null)).toBe(base);
  });

  it("feeds into the next poll time of a healthy feed, but not into the retry after an error", () => {
    const now = new Date("2025-04-25T12:00:00Z");
    const quiet = nextFetchDelayMs({
      feedId: 1,
      now,
      baseIntervalMinutes: 15,
      consecutiveFailures: 0,
      weeklyItems: 84,
    });
    expect(quiet).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(quiet).toBeLessThan(2 * 3_600_000 + 5 * 60_000 + 1);
    const failing = nextFetchDelayMs({
      feedId: 1,
      now,
      baseIntervalMinutes: 15,
      consecutiveFailures: 1,
      weeklyItems: 84,
    });
    expect(failing).toBeLessThan(20 * 60_000);
  });
});

describe("firstPollDelayMs", () => {
  const interval = 15 * MIN;
  // Catalogue-like URLs: many on one host differing only in a query, as news.google.com's hundreds of searches.
  const urls = Array.from({ length: 6000 }, (_, i) =>
    i % 3 === 0
      ? `https://news.google.com/rss/search?q=topic${i}&hl=en-US`
      : i % 3 === 1
        ? `https://site${i}.example.com/feed/`
        : `https://www.reddit.com/r/sub${i}/.rss`,
  );

  it("is fixed by the URL and stays inside the interval", () => {
    for (const url of urls.slice(0, 200)) {
      const d = firstPollDelayMs(url, interval);
      expect(d).toBe(firstPollDelayMs(url, interval));
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(interval);
    }
    expect(firstPollDelayMs("https://a.example.com/", 0)).toBe(0);
  });

  it("spreads thousands of feeds evenly over the interval, also those of one host", () => {
    const minuteCounts = (list: string[]) => {
      const counts = new Array(15).fill(0);
      for (const url of list) counts[Math.floor(firstPollDelayMs(url, interval) / MIN)]++;
      return counts;
    };
    // 6000 feeds over 15 minutes: 400 a minute on average; no minute more than 20% off.
    for (const n of minuteCounts(urls)) expect(Math.abs(n - 400)).toBeLessThan(80);
    // The 2000 feeds of one host: about 133 a minute, so per-host politeness never faces a burst.
    const google = urls.filter((u) => u.includes("news.google.com"));
    for (const n of minuteCounts(google)) expect(Math.abs(n - 2000 / 15)).toBeLessThan(40);
  });
});

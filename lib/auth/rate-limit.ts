// Sign-in throttling: a sliding window of recent failures per key (an email, an IP). In memory, so it resets on
// restart and is per process: enough for the single-process deployment Parallax ships as.
export class SlidingWindowLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    return times[times.length - this.limit]! + this.windowMs - now;
  }

  recordFailure(key: string, now = Date.now()): void {
    // Guessing across many emails or addresses must not grow the map without end: drop keys gone quiet.
    if (this.failures.size >= 10_000) {
      for (const [k, times] of this.failures)
        if (times[times.length - 1]! <= now - this.windowMs) this.failures.delete(k);
    }
    const times = this.recent(key, now);
    times.push(now);
    this.failures.set(key, times);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

const cache = globalThis as unknown as { parallaxLoginLimiter?: SlidingWindowLimiter };

/** Five failed sign-ins per email and per IP in any fifteen minutes. */
export function loginLimiter(): SlidingWindowLimiter {
  cache.parallaxLoginLimiter ??= new SlidingWindowLimiter(5, 15 * 60_000);
  return cache.parallaxLoginLimiter;
}

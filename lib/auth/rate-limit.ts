// Sign-in throttling: a sliding window of recent failures per key (an email, an IP). In memory, so it resets on
// restart and is per process: enough for the single-process deployment Parallax ships as.
// An attempt is counted before its password is hashed (reserve), not after: the hash takes tens of milliseconds,
// and a check-then-record around it let twenty parallel guesses all pass the check before any was recorded.
// reserve checks and records with no await in between, so on Node's one thread it is atomic.
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

  /**
   * Checks every key and, when all allow another attempt, counts it against each of them at once. Returns 0 when
   * the attempt may go ahead (it is then counted as a failure until released), else the milliseconds to wait.
   */
  reserve(keys: readonly string[], now = Date.now()): number {
    const wait = Math.max(0, ...keys.map((key) => this.retryAfterMs(key, now)));
    if (wait === 0) for (const key of keys) this.recordFailure(key, now);
    return wait;
  }

  /** Takes back one attempt reserved at `now` (a sign-in that succeeded does not count against its address). */
  release(key: string, now: number): void {
    const times = this.failures.get(key);
    const i = times?.lastIndexOf(now) ?? -1;
    if (i < 0) return;
    times!.splice(i, 1);
    if (!times!.length) this.failures.delete(key);
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

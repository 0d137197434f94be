// Sign-in throttling: a sliding window of recent failures per key (an email, an IP). Two implementations of one
// interface: DatabaseLimiter, what the site uses, keeps the attempts in the database (LoginAttempt), so every web
// instance behind a load balancer counts the same ones and a restart forgets nothing; SlidingWindowLimiter keeps
// them in memory (tests, and a reference for the rule).
// An attempt is counted before its password is hashed (reserve), not after: the hash takes tens of milliseconds,
// and a check-then-record around it let twenty parallel guesses all pass the check before any was recorded.
import type { Db } from "@/lib/db";

export interface LoginLimiter {
  /**
   * Checks every key and, when all allow another attempt, counts it against each of them at once. Resolves to 0
   * when the attempt may go ahead (it is then counted as a failure until released), else the milliseconds to wait.
   */
  reserve(keys: readonly string[], now?: number): number | Promise<number>;
  /** Takes back one attempt reserved at `now` (a sign-in that succeeded does not count against its address). */
  release(key: string, now: number): void | Promise<void>;
  /** Forgets every attempt against the key. */
  reset(key: string): void | Promise<void>;
}

/** In memory: reserve checks and records with no await in between, so on Node's one thread it is atomic. */
export class SlidingWindowLimiter implements LoginLimiter {
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

/**
 * The attempts in the database. reserve inserts one row per key first and then ranks it among the key's rows in
 * the window by id: the first `limit` go ahead, the rest take their rows back and wait. Inserted before counted,
 * so of parallel attempts on any number of instances no more than `limit` pass (SQLite has one writer, so ids
 * follow commit order; on PostgreSQL an id allotted before a concurrent one but committed after it can only be
 * counted late by that one, never lost).
 */
export class DatabaseLimiter implements LoginLimiter {
  constructor(
    private readonly db: Db,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  async reserve(keys: readonly string[], now = Date.now()): Promise<number> {
    const since = new Date(now - this.windowMs);
    // The window's old rows are nobody's business any more; deleting them keeps the table the size of an hour.
    await this.db.loginAttempt.deleteMany({ where: { at: { lte: since } } });
    const mine = await Promise.all(
      keys.map((key) => this.db.loginAttempt.create({ data: { key, at: new Date(now) }, select: { id: true } })),
    );
    let wait = 0;
    for (const [i, key] of keys.entries()) {
      const earlier = await this.db.loginAttempt.findMany({
        where: { key, at: { gt: since }, id: { lte: mine[i]!.id } },
        orderBy: { id: "asc" },
        select: { at: true },
      });
      if (earlier.length <= this.limit) continue;
      // Over the limit: allowed again when the oldest of the last `limit` attempts before this one leaves the window.
      const times = earlier.slice(0, -1).map((r) => r.at.getTime());
      wait = Math.max(wait, times[times.length - this.limit]! + this.windowMs - now, 1);
    }
    if (wait > 0) await this.db.loginAttempt.deleteMany({ where: { id: { in: mine.map((m) => m.id) } } });
    return wait;
  }

  async release(key: string, now: number): Promise<void> {
    const row = await this.db.loginAttempt.findFirst({
      where: { key, at: new Date(now) },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    if (row) await this.db.loginAttempt.deleteMany({ where: { id: row.id } });
  }

  async reset(key: string): Promise<void> {
    await this.db.loginAttempt.deleteMany({ where: { key } });
  }
}

/** Five failed sign-ins per email and per IP in any fifteen minutes, counted in the database. */
export function loginLimiter(db: Db): LoginLimiter {
  return new DatabaseLimiter(db, 5, 15 * 60_000);
}

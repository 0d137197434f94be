// Runs pollFeed over the feeds that are due, on a timer, politely: at most a few requests at once overall and
// per host, never two passes at the same time.
import type { Db } from "@/lib/db";
import { pollFeed, type OnFeedItem, type PollOptions } from "./poll";

export interface SchedulerOptions {
  db: Db;
  intervalMinutes: number;
  allowHosts?: string[];
  onItem: OnFeedItem;
  /**
   * With a job queue (PostgreSQL workers): a pass only sends each due feed to this (a poll job) instead of
   * polling it here; the worker that takes the job polls it. onItem is then unused.
   */
  enqueuePoll?: (feedId: number) => Promise<unknown>;
  log?: (line: string) => void;
  /** Delay before the first pass after start. Default 5 s, so startup work finishes first. */
  initialDelayMs?: number;
  globalConcurrency?: number;
  /**
   * How often a pass looks for due feeds. Default: a minute, or the interval when shorter. Feeds' due times are
   * spread over the interval (first polls by URL, later ones by each feed's own last poll plus jitter); a pass
   * only once per interval would gather them back into one burst.
   */
  tickMs?: number;
  perHostConcurrency?: number;
  /** Extra options for every fetch (timeouts, size limits). */
  fetchOptions?: Omit<PollOptions, "onItem" | "intervalMinutes" | "log" | "allowHosts">;
  now?: () => Date;
}

export interface Scheduler {
  /** Runs one pass now, or joins the pass already running. */
  runOnce(): Promise<void>;
  /** Stops the timer, starts no further polls, and waits for the polls in flight. */
  stop(): Promise<void>;
}

/** Runs tasks with a global and a per-key concurrency limit, in order where the limits allow. */
export async function runLimited<T>(
  tasks: T[],
  keyOf: (t: T) => string,
  run: (t: T) => Promise<void>,
  limits: { global: number; perKey: number; shouldStop?: () => boolean },
): Promise<void> {
  const pending = [...tasks];
  const activeByKey = new Map<string, number>();
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (limits.shouldStop?.()) pending.length = 0;
      while (active < limits.global) {
        const index = pending.findIndex((t) => (activeByKey.get(keyOf(t)) ?? 0) < limits.perKey);
        if (index < 0) break;
        const [task] = pending.splice(index, 1);
        const key = keyOf(task);
        active++;
        activeByKey.set(key, (activeByKey.get(key) ?? 0) + 1);
        run(task)
          .catch(() => {})
          .finally(() => {
            active--;
            activeByKey.set(key, activeByKey.get(key)! - 1);
            pump();
          });
      }
      if (active === 0 && (pending.length === 0 || limits.shouldStop?.())) resolve();
    };
    pump();
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}

/** The feeds a pass polls at `now`: enabled, of an enabled outlet (or none), never polled or due; oldest due first. */
export function dueFeeds(db: Db, now: Date): Promise<{ id: number; url: string }[]> {
  return db.feed.findMany({
    where: {
      enabled: true,
      // An editor can switch a whole outlet off; a feed without an outlet is polled on its own flag.
      AND: [
        { OR: [{ sourceId: null }, { source: { enabled: true } }] },
        { OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }] },
      ],
    },
    orderBy: [{ nextFetchAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true, url: true },
  });
}

const TICK_MS = 60_000;

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const { db, onItem, log = () => {}, now = () => new Date() } = opts;
  const intervalMs = Math.max(1, opts.intervalMinutes) * 60_000;
  const tickMs = opts.tickMs ?? Math.min(intervalMs, TICK_MS);
  let current: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function pass(): Promise<void> {
    const due = await dueFeeds(db, now());
    if (due.length === 0) return;
    log(`pass: ${due.length} feed${due.length === 1 ? "" : "s"} due`);
    if (opts.enqueuePoll) {
      const enqueue = opts.enqueuePoll;
      // Sent, not polled: a feed sent twice (by two workers' passes) is one job, and a claim on the feed row
      // (lib/jobs/handlers.ts) keeps a second job for it from fetching it again.
      for (const f of due) {
        if (stopped) return;
        await enqueue(f.id);
      }
      return;
    }
    let ok = 0;
    let failed = 0;
    await runLimited(
      due,
      (f) => hostOf(f.url),
      async (f) => {
        try {
          const result = await pollFeed(db, f.id, {
            ...opts.fetchOptions,
            onItem,
            log,
            intervalMinutes: opts.intervalMinutes,
            allowHosts: opts.allowHosts,
            now,
          });
          if (result.status === "error") failed++;
          else ok++;
        } catch (err) {
          // pollFeed records fetch and parse failures itself; this is the database or a bug.
          failed++;
          log(`feed ${f.id} ${f.url}: poll crashed: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
      { global: opts.globalConcurrency ?? 4, perKey: opts.perHostConcurrency ?? 2, shouldStop: () => stopped },
    );
    log(`pass done: ${ok} ok, ${failed} failed`);
  }

  function runOnce(): Promise<void> {
    current ??= pass()
      .catch((err) => log(`pass failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        current = null;
      });
    return current;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(async () => {
      await runOnce();
      // The next pass is timed from the end of this one, so a slow pass can never overlap the next.
      schedule(tickMs);
    }, delayMs);
    // The scheduler should never be what keeps a process alive.
    timer.unref();
  }

  schedule(opts.initialDelayMs ?? 5_000);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

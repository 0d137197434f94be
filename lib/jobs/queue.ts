// The durable job queue on PostgreSQL (pg-boss, in its own schema "pgboss" of the same database; it creates and
// migrates that schema itself on start). SQLite has no queue: `npm start` there runs everything inline as before.
import PgBoss from "pg-boss";
import { pgConnectionFromUrl, providerOf } from "@/lib/db/url";
import { deadLetterQueueName, type JobKind, type JobPayload, JOB_KINDS, parsePayload, queueName } from "./queues";

export interface RetryPolicy {
  /** Retries after the first attempt; a job that fails them all goes to its dead-letter queue. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) for each one after it. */
  retryDelaySeconds: number;
}

/** Seconds before the placement job of a worker that died is given to another (see the cluster-article queue). */
export const CLUSTER_EXPIRE_SECONDS = 30;

/**
 * How often pg-boss looks for expired jobs (one process does it per interval, whichever gets there first): with the
 * cluster queue's expiry, a dead worker's placement is taken over within CLUSTER_EXPIRE_SECONDS + this + a poll.
 */
export const MAINTENANCE_SECONDS = 10;

/** How each kind is queued. */
const QUEUE_SETTINGS: Record<JobKind, RetryPolicy & { policy: "standard" | "singleton"; expireInSeconds: number }> = {
  // A poll that throws is the database or a bug: pollFeed records fetch and parse failures on the feed itself.
  "poll-feed": { policy: "standard", retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 15 * 60 },
  "fetch-article": { policy: "standard", retryLimit: 4, retryDelaySeconds: 30, expireInSeconds: 10 * 60 },
  // Exactly one placement at a time across every worker: the clusterer is deterministic in arrival order. A worker
  // that dies mid-placement (its transaction rolled back) holds the queue until the job expires: CLUSTER_EXPIRE_SECONDS,
  // far above one placement's milliseconds. The retry is immediate, so the job is placed again before any article
  // that arrived after it (pg-boss takes the oldest job first) and the arrival order stays the order of placement.
  "cluster-article": {
    policy: "singleton",
    retryLimit: 4,
    retryDelaySeconds: 0,
    expireInSeconds: CLUSTER_EXPIRE_SECONDS,
  },
  "refresh-comparison": { policy: "standard", retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 10 * 60 },
};

/** Jobs sent for the same key within this many seconds are one job (pg-boss's singletonKey + singletonSeconds). */
const DEDUPE_SECONDS: Partial<Record<JobKind, number>> = {
  "poll-feed": 60,
  "fetch-article": 60,
  "refresh-comparison": 5,
};

export interface JobQueue {
  readonly boss: PgBoss;
  /** Sends a job (payload checked first); null when an identical job was sent moments ago (deduplicated). */
  send<K extends JobKind>(kind: K, payload: JobPayload<K>, options?: { key?: string }): Promise<string | null>;
  /** Runs `handler` for each job of `kind`, `concurrency` at a time in this process. */
  work<K extends JobKind>(
    kind: K,
    handler: (payload: JobPayload<K>) => Promise<void>,
    options?: { concurrency?: number; pollingIntervalSeconds?: number },
  ): Promise<void>;
  /** Stops taking jobs, waits for those running (up to `graceSeconds`), closes the connections. */
  stop(graceSeconds?: number): Promise<void>;
}

export interface JobQueueOptions {
  /** Overrides every kind's retry policy (tests make failures reach the dead-letter queue in seconds). */
  retry?: RetryPolicy;
  /** Connections this process opens to PostgreSQL for the queue. */
  maxConnections?: number;
  log?: (line: string) => void;
}

/** Creates a queue and its dead-letter queue, or updates their settings; safe when several processes start at once. */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(name)) return boss.updateQueue(name, options);
  try {
    await boss.createQueue(name, options);
  } catch (error) {
    // Another process created it between our look and our insert.
    if (!(await boss.getQueue(name))) throw error;
    await boss.updateQueue(name, options);
  }
}

export async function startJobQueue(databaseUrl: string, options: JobQueueOptions = {}): Promise<JobQueue> {
  if (providerOf(databaseUrl) !== "postgresql")
    throw new Error("the job queue needs PostgreSQL (DATABASE_URL=postgresql://…)");
  const log = options.log ?? (() => {});
  const boss = new PgBoss({
    ...pgConnectionFromUrl(databaseUrl),
    application_name: "parallax-jobs",
    max: options.maxConnections ?? 4,
    // pg-boss's cron scheduler is not used: each worker's feed scheduler sends poll jobs (lib/feeds/scheduler.ts).
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  });
  boss.on("error", (error) => log(`job queue: ${error.message}`));
  await boss.start();
  for (const kind of JOB_KINDS) {
    const { policy, expireInSeconds, ...retry } = QUEUE_SETTINGS[kind];
    const { retryLimit, retryDelaySeconds } = options.retry ?? retry;
    await ensureQueue(boss, deadLetterQueueName(kind), { name: deadLetterQueueName(kind), retentionDays: 30 });
    await ensureQueue(boss, queueName(kind), {
      name: queueName(kind),
      policy,
      retryLimit,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds,
      deadLetter: deadLetterQueueName(kind),
    });
  }

  return {
    boss,
    async send(kind, payload, { key } = {}) {
      const data = parsePayload(kind, payload);
      const dedupe = DEDUPE_SECONDS[kind];
      return boss.send(queueName(kind), data, key && dedupe ? { singletonKey: key, singletonSeconds: dedupe } : {});
    },
    async work(kind, handler, { concurrency = 1, pollingIntervalSeconds = 2 } = {}) {
      for (let i = 0; i < concurrency; i++) {
        await boss.work<unknown>(queueName(kind), { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
          for (const job of jobs) await handler(parsePayload(kind, job.data));
        });
      }
    },
    async stop(graceSeconds = 30) {
      await boss.stop({ graceful: true, wait: true, timeout: graceSeconds * 1000 });
    },
  };
}

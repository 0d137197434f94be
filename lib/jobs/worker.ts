// A worker: takes jobs of every kind from the queue and runs them (scripts/worker.ts, and `npm start` on
// PostgreSQL). Any number may run, on any machines: the queue hands each job to one of them.
import type { JobQueue } from "./queue";
import { type JobContext, handlers } from "./handlers";
import { JOB_KINDS, type JobKind } from "./queues";

/** Jobs of each kind one worker process runs at once. Placement is one at a time everywhere (a singleton queue). */
export const WORKER_CONCURRENCY: Record<JobKind, number> = {
  "poll-feed": 2,
  "fetch-article": 2,
  "cluster-article": 1,
  "refresh-comparison": 1,
};

export async function runJobs(
  ctx: JobContext,
  options: { concurrency?: Partial<Record<JobKind, number>>; pollingIntervalSeconds?: number } = {},
): Promise<void> {
  const queue: JobQueue = ctx.queue;
  for (const kind of JOB_KINDS) {
    const handler = handlers[kind] as (c: JobContext, p: unknown) => Promise<void>;
    await queue.work(
      kind,
      async (payload) => {
        try {
          await handler(ctx, payload);
        } catch (error) {
          ctx.log(`${kind} job failed: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      },
      {
        concurrency: options.concurrency?.[kind] ?? WORKER_CONCURRENCY[kind],
        pollingIntervalSeconds: options.pollingIntervalSeconds,
      },
    );
  }
}

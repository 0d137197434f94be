// npm run worker (PostgreSQL only): consumes the job queue (lib/jobs) — polls feeds, fetches and extracts pages,
// places articles, refreshes comparisons — and sends the feeds that are due as poll jobs once a minute. Any number
// may run, on any machines, against the same DATABASE_URL; `npm run start:web` serves the site.
import { saveClusterState } from "@/lib/cluster/assign-event";
import { exitWhenFlushed } from "@/lib/cli/exit";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { providerOf } from "@/lib/db/url";
import { getEnv } from "@/lib/env";
import { startScheduler } from "@/lib/feeds/scheduler";
import { enqueueFeedPoll } from "@/lib/jobs/enqueue";
import { startJobQueue } from "@/lib/jobs/queue";
import { runJobs } from "@/lib/jobs/worker";
import { closeDefaultExtractor } from "@/lib/pipeline/extractor";
import { seedDefaultSources } from "@/lib/sources/default-sources";

const env = getEnv();
if (providerOf(env.DATABASE_URL) !== "postgresql") {
  console.error(
    "npm run worker needs PostgreSQL (DATABASE_URL=postgresql://…): on SQLite, `npm start` runs the feeds and the site in one process.",
  );
  await exitWhenFlushed(2);
}

const applied = await applyMigrations(env.DATABASE_URL);
if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
const db = createDb(env.DATABASE_URL);
const log = (line: string) => console.log(`[worker] ${line}`);
if (env.DEFAULT_SOURCES) await seedDefaultSources(db, log);

const queue = await startJobQueue(env.DATABASE_URL, { log });
await runJobs({ db, queue, allowHosts: env.FETCH_ALLOW_HOSTS, intervalMinutes: env.INGEST_INTERVAL_MINUTES, log });
const scheduler = env.INGEST_SCHEDULE
  ? startScheduler({
      db,
      intervalMinutes: env.INGEST_INTERVAL_MINUTES,
      onItem: async () => {},
      enqueuePoll: (feedId) => enqueueFeedPoll(queue, feedId),
      log: (line) => console.log(`[feeds] ${line}`),
    })
  : null;
console.log(`worker: taking jobs${scheduler ? ", sending due feeds every minute" : " (feed scheduler off)"}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await scheduler?.stop();
  // Jobs running get up to 30 s to finish; one cut short is taken again by a worker when it expires.
  await queue.stop(30);
  await closeDefaultExtractor();
  await saveClusterState(db).catch(() => {});
  await db.$disconnect();
  await exitWhenFlushed(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

// npm start: migrate the embedded database, build the site if the sources changed, then serve it and run the
// feed scheduler in this same process (INGEST_SCHEDULE=off disables the scheduler). On PostgreSQL the feeds go
// through the job queue (lib/jobs): this process sends due feeds as jobs and works them too, beside any
// `npm run worker`. `npm run start:web` (--web-only) serves the site and nothing else: no scheduler, no jobs,
// no state of its own (sessions, the sign-in limit and the form-message key are in the database), so several
// may run behind a load balancer.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { stampPeerAddress } from "@/lib/auth/client-ip";
import { refuseCrossOriginWrite } from "@/lib/auth/origin";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { getEnv } from "@/lib/env";
import { eventPageMatch } from "@/lib/events/page-version";
import { saveClusterState } from "@/lib/cluster/assign-event";
import { providerOf } from "@/lib/db/url";
import { enqueueFeedPoll } from "@/lib/jobs/enqueue";
import { type JobQueue, startJobQueue } from "@/lib/jobs/queue";
import { runJobs } from "@/lib/jobs/worker";
import { closeDefaultExtractor } from "@/lib/pipeline/extractor";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { startScheduler } from "@/lib/feeds/scheduler";
import { seedDefaultSources } from "@/lib/sources/default-sources";
import { withBuildLock } from "@/lib/site/build-lock";
import { createPageCache } from "@/lib/site/page-cache";
import { buildIsStale } from "@/lib/site/build-stamp";
import { exitWhenFlushed } from "@/lib/cli/exit";

const root = path.resolve(import.meta.dirname, "..");
const env = getEnv();
const webOnly = process.argv.includes("--web-only");

const applied = await applyMigrations(env.DATABASE_URL);
if (applied.length) console.log(`database: applied ${applied.join(", ")}`);

// Checked under the lock: a start that waited for another's build finds it fresh and skips its own.
const buildStatus = await withBuildLock(root, async () => {
  if (!(await buildIsStale(root))) return 0;
  console.log("building the site (first start or sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status ?? 1;
});
if (buildStatus !== 0) await exitWhenFlushed(buildStatus);

const app = next({ dev: false, dir: root, hostname: env.HOSTNAME, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const db = createDb(env.DATABASE_URL);
const pages = createPageCache({ match: (url) => eventPageMatch(db, url), maxBytes: env.PAGE_CACHE_MB * 1024 * 1024 });
const server = createServer((req, res) => {
  stampPeerAddress(req);
  if (refuseCrossOriginWrite(req, res, env.TRUST_PROXY)) return;
  if (env.PAGE_CACHE_MB === 0) return void handle(req, res);
  pages
    .handle(req, res, () => handle(req, res))
    .catch((error) => {
      // A failed version check must not take the page down: Next answers it uncached.
      console.error("page cache:", error);
      if (!res.headersSent) void handle(req, res);
    });
});
await new Promise<void>((resolve) => server.listen(env.PORT, env.HOSTNAME, resolve));
console.log(`Parallax is running on http://localhost:${env.PORT}`);

let queue: JobQueue | null = null;
let scheduler: ReturnType<typeof startScheduler> | null = null;
if (webOnly) {
  console.log("web only: no feed scheduler and no jobs in this process (run `npm run worker` for those)");
} else {
  // First start only: a Setting remembers it was done, so deleted sources stay deleted.
  if (env.DEFAULT_SOURCES) await seedDefaultSources(db, (line) => console.log(line));
  const log = (line: string) => console.log(`[feeds] ${line}`);
  if (providerOf(env.DATABASE_URL) === "postgresql") {
    queue = await startJobQueue(env.DATABASE_URL, { log });
    await runJobs({ db, queue, allowHosts: env.FETCH_ALLOW_HOSTS, intervalMinutes: env.INGEST_INTERVAL_MINUTES, log });
  }
  const jobs = queue;
  scheduler = env.INGEST_SCHEDULE
    ? startScheduler({
        db,
        intervalMinutes: env.INGEST_INTERVAL_MINUTES,
        allowHosts: env.FETCH_ALLOW_HOSTS,
        onItem: async (item, feed) => void (await ingestFeedItem(db, item, feed, env.FETCH_ALLOW_HOSTS)),
        ...(jobs && { enqueuePoll: (feedId: number) => enqueueFeedPoll(jobs, feedId) }),
        log,
      })
    : null;
  if (!scheduler) console.log("feed scheduler: off (INGEST_SCHEDULE=off)");
}

// The clusterer's index is saved beside the database at shutdown, so a restart loads it in seconds instead of
// rebuilding it from every stored membership (lib/cluster/saved-state.ts). Not periodically: a server that
// keeps placing articles would rewrite hundreds of MB each time, and after a hard kill the file is most often
// stale anyway (placements came after it).
const saveIndex = () =>
  saveClusterState(db).catch((error) =>
    console.error(`clusterer: could not save its index: ${error instanceof Error ? error.message : error}`),
  );

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await scheduler?.stop();
  await queue?.stop(30);
  // After the scheduler: the polls it waited for may have needed the extraction worker until now.
  await closeDefaultExtractor();
  await saveIndex();
  server.close();
  await db.$disconnect();
  await exitWhenFlushed(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

// The durable job queue (pg-boss on PostgreSQL): two workers and one fixture feed server on 127.0.0.1 ingest the
// same items exactly once, the feed is fetched by one of them only, a rerun adds nothing, and a job that always
// fails ends in the dead-letter queue with its reason, where the editors' page reads it. PostgreSQL only (the
// "postgres" vitest project); skipped on SQLite, which has no queue.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { startScheduler } from "@/lib/feeds/scheduler";
import { listDeadLetters } from "@/lib/jobs/data";
import { enqueueArticleFetch, enqueueFeedPoll } from "@/lib/jobs/enqueue";
import { type JobQueue, startJobQueue } from "@/lib/jobs/queue";
import { queueName } from "@/lib/jobs/queues";
import { runJobs } from "@/lib/jobs/worker";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { runScript } from "@/tests/support/run-script";
import { createTempDb, testingPostgres } from "@/tests/support/temp-db";

const ITEMS = 12;
const WORDS = (
  "harbour ferry council budget school river bridge election court museum railway hospital farmers drought " +
  "festival orchestra airport tunnel library stadium vaccine glacier volcano satellite bakery cathedral"
).split(" ");

/** A page whose text shares little with any other item's, so each is its own article (and its own event). */
function page(n: number): string {
  const words = WORDS.map((_, i) => WORDS[(i * 7 + n * 11) % WORDS.length]);
  const topic = `${WORDS[n % WORDS.length]} ${WORDS[(n * 5 + 3) % WORDS.length]} story ${n}`;
  const paras = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>Report ${n}.${p} on the ${topic}: ${words.slice(p, p + 12).join(" ")} officials said on day ${n * 3 + p} that the ${words[(p + n) % words.length]} plan number ${n * 100 + p} would change.</p>`,
  ).join("");
  return `<!doctype html><html><head><title>The ${topic}</title></head><body><article><h1>The ${topic}</h1>${paras}</article></body></html>`;
}

interface Worker {
  db: Db;
  queue: JobQueue;
}

describe.skipIf(!testingPostgres)("the job queue with two workers", () => {
  let server: FixtureServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  const workers: Worker[] = [];
  let feedFetches = 0;
  let feedActive = 0;
  let feedPeak = 0;
  const log = () => {};

  beforeAll(async () => {
    server = await startFixtureServer();
    const items = Array.from(
      { length: ITEMS },
      (_, n) => `<item><title>Item ${n}</title><link>${server.url}/a/${n}</link><guid>${n}</guid></item>`,
    ).join("");
    server.route("/feed.xml", async (_req, res) => {
      feedFetches++;
      feedPeak = Math.max(feedPeak, ++feedActive);
      await new Promise((r) => setTimeout(r, 200));
      feedActive--;
      res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(`<rss version="2.0"><channel><title>F</title>${items}</channel></rss>`);
    });
    for (let n = 0; n < ITEMS; n++)
      server.route(`/a/${n}`, { headers: { "content-type": "text/html" }, body: page(n) });
    t = await createTempDb();
    for (let i = 0; i < 2; i++) {
      const queue = await startJobQueue(t.url, { retry: { retryLimit: 1, retryDelaySeconds: 1 }, maxConnections: 3 });
      const db = createDb(t.url);
      await runJobs(
        { db, queue, allowHosts: [server.host], intervalMinutes: 15, log },
        { pollingIntervalSeconds: 0.5 },
      );
      workers.push({ db, queue });
    }
  });

  afterAll(async () => {
    for (const w of workers) {
      await w.queue.stop(5);
      await w.db.$disconnect();
    }
    await server?.close();
    await t?.cleanup();
  });

  /** Jobs not yet finished (waiting, retrying or running) in our queues, dead letters aside. */
  async function pendingJobs(): Promise<number> {
    const [{ n }] = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'parallax-%' AND name NOT LIKE '%-dead' AND state < 'completed'`,
    );
    return n;
  }

  async function until(done: () => Promise<boolean>): Promise<void> {
    // No deadline of our own: the test's timeout is the limit. The condition is what the test then asserts.
    while (!(await done())) await new Promise((r) => setTimeout(r, 200));
  }

  it("ingests each item exactly once; the feed is fetched by one worker only; a rerun adds nothing", async () => {
    const feed = await t.db.feed.create({ data: { url: `${server.url}/feed.xml` } });
    // Both workers' schedulers see the feed due at once, and a third poll job is sent past the deduplication key:
    // the claim on the feed row lets exactly one of them fetch it.
    const schedulers = workers.map((w) =>
      startScheduler({
        db: w.db,
        intervalMinutes: 15,
        initialDelayMs: 3_600_000,
        onItem: async () => {},
        enqueuePoll: (feedId) => enqueueFeedPoll(w.queue, feedId),
      }),
    );
    await Promise.all(schedulers.map((s) => s.runOnce()));
    await workers[1].queue.boss.send(queueName("poll-feed"), { feedId: feed.id });
    await Promise.all(schedulers.map((s) => s.stop()));

    await until(async () => (await t.db.eventArticle.count()) >= ITEMS && (await pendingJobs()) === 0);
    expect(feedFetches).toBe(1);
    expect(feedPeak).toBe(1);
    const articles = await t.db.article.findMany({ select: { id: true, url: true } });
    expect(articles).toHaveLength(ITEMS);
    expect(new Set(articles.map((a) => a.url)).size).toBe(ITEMS);
    // Each placed once, and every event that holds articles has its comparison, built by its own job. (An event
    // merged away after its comparison was built keeps that row; it is read by no page, so it is not counted.)
    expect(await t.db.eventArticle.count()).toBe(ITEMS);
    const events = await t.db.eventArticle.findMany({ distinct: ["eventId"], select: { eventId: true } });
    const eventIds = events.map((e) => e.eventId);
    expect(await t.db.eventComparison.count({ where: { eventId: { in: eventIds } } })).toBe(events.length);

    // Rerun: the feed due again without its validators, and every item's fetch job sent once more by each worker.
    await t.db.feed.update({ where: { id: feed.id }, data: { nextFetchAt: null, etag: null, lastModified: null } });
    await workers[0].queue.boss.send(queueName("poll-feed"), { feedId: feed.id });
    for (const w of workers)
      for (let n = 0; n < ITEMS; n++)
        await w.queue.boss.send(queueName("fetch-article"), {
          feedId: feed.id,
          item: { url: `${server.url}/a/${n}`, title: `Item ${n}`, publishedAt: null },
        });
    await until(async () => (await pendingJobs()) === 0);
    expect(feedFetches).toBe(2);
    expect(await t.db.article.count()).toBe(ITEMS);
    expect(await t.db.eventArticle.count()).toBe(ITEMS);
    expect(await listDeadLetters(t.db)).toEqual([]);
  }, 120_000);

  it("a job that always fails is retried, then lands in the dead-letter queue with its reason", async () => {
    const feed = await t.db.feed.create({ data: { url: `${server.url}/other.xml` } });
    const url = `${server.url}/gone`;
    await enqueueArticleFetch(workers[0].queue, feed.id, {
      guid: "gone",
      url,
      title: "Gone",
      publishedAt: null,
      author: null,
      contentHtml: null,
      summary: null,
    });
    await until(async () => (await listDeadLetters(t.db)).length > 0);
    const letters = await listDeadLetters(t.db);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: "fetch-article", input: { feedId: feed.id, item: { url } } });
    expect(letters[0].error).toMatch(/404/);
    // The first attempt and the one retry both fetched the page.
    expect(server.requests.filter((r) => r.path === "/gone")).toHaveLength(2);
    expect(await t.db.article.count({ where: { url: url } })).toBe(0);
  }, 120_000);
});

describe("npm run worker", () => {
  it("refuses SQLite with a clear line and exit code 2, before touching the database", async () => {
    const file = `/tmp/parallax-worker-refused-${process.pid}.db`;
    const result = await runScript("worker", [], { DATABASE_URL: `file:${file}`, DEFAULT_SOURCES: "off" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm run worker needs PostgreSQL");
    expect(existsSync(file)).toBe(false);
  });
});

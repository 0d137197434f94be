// npm run bench:scale [-- --feeds 20 --items 12 --sched-feeds 10000 --sched-hosts 1000 --workers 1,2,4 --pg URL]
// Scale-out figures in one run, all against a fixture server on 127.0.0.1 (no network):
//  1. end-to-end ingest (fetch → extract → store → cluster → compare), articles/s: SQLite with the in-process
//     scheduler as `npm start` runs it, then PostgreSQL with 1, 2 and 4 `npm run worker` processes (child
//     processes running scripts/worker.ts, FETCH_ALLOW_HOSTS set to the fixture host);
//  2. the scheduler with thousands of feeds under many host names (a resolver override, in this bench only):
//     polls/s, the spread of the next due times over the interval, peak RSS.
// Article pages: the real pages of ../shared/corpora/extraction first, then generated rewrites of them (so that
// related stories cluster together). PostgreSQL: --pg URL or PARALLAX_TEST_PG_URL, else a throwaway server from
// scripts/ci/start-postgres.sh (stopped again at the end). --skip-pg skips part 1's PostgreSQL runs.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { pgConnectionFromUrl } from "@/lib/db/url";
import { startScheduler } from "@/lib/feeds/scheduler";
import { enqueueFeedPoll } from "@/lib/jobs/enqueue";
import { startJobQueue } from "@/lib/jobs/queue";
import { setCategoriesEnabled } from "@/lib/sources/import-catalogue";
import { closeDefaultExtractor } from "@/lib/pipeline/extractor";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { escapeHtml } from "@/lib/text/escape";
import { type CorpusPage, loadExtractionCorpus, PROJECT_ROOT } from "./extraction-corpus";

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}
function wholeArg(name: string, fallback: number): number {
  const value = Number(arg(name, String(fallback)));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}
const FEEDS = wholeArg("feeds", 20);
const ITEMS = wholeArg("items", 12);
const SCHED_FEEDS = wholeArg("sched-feeds", 10_000);
const SCHED_HOSTS = Math.max(1, wholeArg("sched-hosts", 1_000));
const WORKERS = arg("workers", "1,2,4")
  .split(",")
  .map((w) => Number(w))
  .filter((w) => Number.isInteger(w) && w > 0);
const SKIP_PG = process.argv.includes("--skip-pg");
const INTERVAL_MINUTES = 15;

// ---------------------------------------------------------------------------------------------------- pages
function mulberry(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const corpus: CorpusPage[] = loadExtractionCorpus();
const titles = corpus.map((p) => /<title[^>]*>([^<]*)<\/title>/i.exec(p.html)?.[1]?.trim() || `Story ${p.id}`);

/** Article n: a real corpus page while they last, then a rewrite of one (paragraphs dropped and reordered). */
function articlePage(n: number, publishedAt: Date): string {
  if (n < corpus.length) return corpus[n].html;
  const base = n % corpus.length;
  const rnd = mulberry(n);
  const paragraphs = corpus[base].articleBody.split(/\n+/).filter((p) => p.trim());
  const kept = paragraphs.filter((_, i) => i === 0 || rnd() > 0.3);
  if (kept.length > 3) {
    const i = 1 + Math.floor(rnd() * (kept.length - 2));
    [kept[i], kept[i + 1]] = [kept[i + 1], kept[i]];
  }
  const title = `${titles[base]} (${["update", "analysis", "report", "live"][n % 4]} ${n})`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="article:published_time" content="${publishedAt.toISOString()}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${escapeHtml(title)}</h1>
${kept.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p>Reporting by desk ${n}.</p></article><footer>© Bench News</footer></body></html>`;
}

function rss(origin: string, feed: number, items: { link: string; title: string; date: Date }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title>
<link>${origin}/</link><description>bench</description>
${items
  .map(
    (i) =>
      `<item><title>${escapeHtml(i.title)}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${i.date.toUTCString()}</pubDate></item>`,
  )
  .join("\n")}
</channel></rss>`;
}

const epoch = new Date();
const publishedAt = (n: number) => new Date(epoch.getTime() - (FEEDS * ITEMS - n) * 60_000);

/** One server for every part: /feed/F.xml (ingest feeds), /a/N.html (pages), /s/F.xml (scheduler feeds). */
async function startServer(): Promise<{ port: number; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const origin = `http://${req.headers.host}`;
    const feed = /^\/feed\/(\d+)\.xml$/.exec(url.pathname);
    const page = /^\/a\/(\d+)\.html$/.exec(url.pathname);
    const polled = /^\/s\/(\d+)\.xml$/.exec(url.pathname);
    if (url.pathname === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
    } else if (feed) {
      const f = Number(feed[1]);
      const items = Array.from({ length: ITEMS }, (_, j) => {
        const n = f * ITEMS + j;
        return { link: `${origin}/a/${n}.html`, title: `Article ${n}`, date: publishedAt(n) };
      });
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(origin, f, items));
    } else if (page) {
      const n = Number(page[1]);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(articlePage(n, publishedAt(n)));
    } else if (polled) {
      const f = Number(polled[1]);
      const items = [0, 1, 2].map((j) => ({ link: `${origin}/s/${f}/${j}.html`, title: `Item ${j}`, date: epoch }));
      res.writeHead(200, { "content-type": "application/rss+xml", etag: `"s${f}"` }).end(rss(origin, f, items));
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------- helpers
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

async function addFeeds(db: Db, urls: string[]): Promise<void> {
  for (let i = 0; i < urls.length; i += 500) {
    await db.feed.createMany({ data: urls.slice(i, i + 500).map((url) => ({ url })) });
  }
}

interface IngestFigure {
  setup: string;
  articles: number;
  placed: number;
  seconds: number;
  dbBytes: number;
  bound: string;
}

async function onPgServer(serverUrl: string, statements: string[]): Promise<void> {
  const conn = await new PrismaPg(pgConnectionFromUrl(serverUrl)).connect();
  try {
    for (const sql of statements) await conn.executeScript(sql);
  } finally {
    await conn.dispose();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------------- part 1
async function ingestSqlite(origin: string, host: string, dir: string): Promise<IngestFigure> {
  const file = path.join(dir, "ingest.db");
  const url = `file:${file}`;
  await applyMigrations(url);
  const db = createDb(url);
  await addFeeds(
    db,
    Array.from({ length: FEEDS }, (_, f) => `${origin}/feed/${f}.xml`),
  );
  const allowHosts = [host];
  // As scripts/start.ts wires it: each new item is fetched, extracted, stored, placed and compared inline.
  const scheduler = startScheduler({
    db,
    intervalMinutes: INTERVAL_MINUTES,
    allowHosts,
    initialDelayMs: 3_600_000,
    onItem: async (item, feed) => void (await ingestFeedItem(db, item, feed, allowHosts)),
  });
  const started = performance.now();
  await scheduler.runOnce();
  const seconds = (performance.now() - started) / 1000;
  await scheduler.stop();
  const articles = await db.article.count();
  const placed = await db.eventArticle.count();
  await db.$disconnect();
  return {
    setup: "SQLite, npm start (in-process)",
    articles,
    placed,
    seconds,
    dbBytes: statSync(file).size,
    bound: "one Node process: extraction + clustering share one event loop (2 polls at once per host)",
  };
}

function startWorker(url: string, host: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/worker.ts")], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      FETCH_ALLOW_HOSTS: host,
      INGEST_SCHEDULE: "off",
      DEFAULT_SOURCES: "off",
      INGEST_INTERVAL_MINUTES: String(INTERVAL_MINUTES),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("worker: taking jobs")) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before taking jobs:\n${out.slice(-2000)}`)));
  });
}

async function ingestPg(serverUrl: string, origin: string, host: string, workers: number): Promise<IngestFigure> {
  const name = `parallax_bench_scale_w${workers}`;
  await onPgServer(serverUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);
  const url = databaseUrl(serverUrl, name);
  await applyMigrations(url);
  const db = createDb(url);
  await addFeeds(
    db,
    Array.from({ length: FEEDS }, (_, f) => `${origin}/feed/${f}.xml`),
  );
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url, host)));
  const queue = await startJobQueue(url);
  const pending = async () => {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created','retry','active') AND name NOT LIKE '%-dead'`,
    );
    return n;
  };
  const started = performance.now();
  const feeds = await db.feed.findMany({ select: { id: true } });
  for (const f of feeds) await enqueueFeedPoll(queue, f.id);
  let seconds = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    if ((await pending()) === 0) {
      seconds = (performance.now() - started) / 1000;
      break;
    }
  }
  await queue.stop(5);
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
  const articles = await db.article.count();
  const placed = await db.eventArticle.count();
  const [{ size }] = await db.$queryRawUnsafe<{ size: bigint }[]>(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS size FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  await db.$disconnect();
  return {
    setup: `PostgreSQL, ${workers} worker${workers === 1 ? "" : "s"}`,
    articles,
    placed,
    seconds,
    dbBytes: Number(size),
    bound:
      workers === 1
        ? "job round trips + one clusterer; extraction 2 at a time"
        : `${cpus().length} cores shared by ${workers} workers, PostgreSQL and the fixture server; placement is one at a time`,
  };
}

/** Per-table sizes on PostgreSQL after the last run (what an article costs on disk, and its indexes). */
async function pgTableSizes(serverUrl: string, name: string): Promise<string[]> {
  const db = createDb(databaseUrl(serverUrl, name));
  try {
    const rows = await db.$queryRawUnsafe<{ relname: string; total: bigint; indexes: bigint }[]>(
      `SELECT c.relname, pg_total_relation_size(c.oid) AS total, pg_indexes_size(c.oid) AS indexes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8`,
    );
    return rows.map(
      (r) => `    ${r.relname.padEnd(20)} ${mb(Number(r.total)).padStart(9)} (indexes ${mb(Number(r.indexes))})`,
    );
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------- part 2
async function schedulerAtScale(port: number, dir: string): Promise<string[]> {
  const url = `file:${path.join(dir, "scheduler.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  const hostName = (h: number) => `news${h}.bench.test`;
  // As `npm run sources:import` leaves a catalogue: every feed disabled, filed under a category.
  const urls = Array.from({ length: SCHED_FEEDS }, (_, f) => `http://${hostName(f % SCHED_HOSTS)}:${port}/s/${f}.xml`);
  for (let i = 0; i < urls.length; i += 500)
    await db.feed.createMany({ data: urls.slice(i, i + 500).map((url) => ({ url, enabled: false })) });
  const ids = (await db.feed.findMany({ select: { id: true } })).map((f) => f.id);
  for (let i = 0; i < ids.length; i += 500)
    await db.feedCategory.createMany({ data: ids.slice(i, i + 500).map((feedId) => ({ feedId, name: "Bench" })) });
  // Then an operator enables the category (npm run feeds:enable): first polls spread over the interval.
  const enabledAt = new Date();
  let t = performance.now();
  await setCategoriesEnabled(db, ["Bench"], true, { intervalMinutes: INTERVAL_MINUTES, now: enabledAt });
  const enableSeconds = (performance.now() - t) / 1000;
  const firstDue = spread(
    (await db.feed.findMany({ select: { nextFetchAt: true } })).map((f) => f.nextFetchAt),
    enabledAt,
  );

  const allowHosts = Array.from({ length: SCHED_HOSTS }, (_, h) => `${hostName(h)}:${port}`);
  // The resolver override (lib/net's `resolve` option, for tests and this bench only): every name is 127.0.0.1.
  const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  // One pass a whole interval later, when every feed is due: the worst burst a pass ever meets, timed.
  const passAt = new Date(enabledAt.getTime() + (INTERVAL_MINUTES + 1) * 60_000);
  const offset = passAt.getTime() - Date.now();
  const scheduler = startScheduler({
    db,
    intervalMinutes: INTERVAL_MINUTES,
    allowHosts,
    initialDelayMs: 3_600_000,
    fetchOptions: { resolve },
    onItem: async () => {},
    now: () => new Date(Date.now() + offset),
  });
  t = performance.now();
  await scheduler.runOnce();
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  await scheduler.stop();
  const feeds = await db.feed.findMany({ select: { nextFetchAt: true, lastError: true, lastFetchedAt: true } });
  await db.$disconnect();
  const polls = feeds.filter((f) => f.lastFetchedAt).length;
  const failed = feeds.filter((f) => f.lastError).length;
  const nextDue = spread(
    feeds.map((f) => f.nextFetchAt),
    passAt,
  );
  return [
    `  ${SCHED_FEEDS} feeds on ${SCHED_HOSTS} host names; enabling them took ${fmt(enableSeconds)} s`,
    `  first due times after enabling (interval ${INTERVAL_MINUTES} min): ${firstDue}`,
    `  one pass with every feed due: ${polls} polled, ${failed} failed, in ${fmt(seconds)} s = ${fmt(polls / seconds)} polls/s`,
    `  next due times after that pass: ${nextDue}`,
    `  RSS: ${mb(rssBefore)} before the pass, peak ${mb(peakRss)} during it`,
    `  bound: the scheduler's 4 polls at once overall (2 per host), one CPU for parsing, one SQLite writer updating each feed row; at ${fmt(polls / seconds)} polls/s a ${INTERVAL_MINUTES}-min interval holds ${Math.round((polls / seconds) * INTERVAL_MINUTES * 60)} polls`,
  ];
}

/** Due times as minutes after `from`: percentiles and how many fall in each minute. */
function spread(dates: (Date | null)[], from: Date): string {
  const offsets = dates
    .filter((d): d is Date => d !== null)
    .map((d) => (d.getTime() - from.getTime()) / 60_000)
    .sort((a, b) => a - b);
  if (offsets.length === 0) return "none set";
  const buckets = new Array(Math.max(1, Math.ceil(offsets[offsets.length - 1]))).fill(0);
  for (const o of offsets) buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor(o)))]++;
  const pct = (p: number) => offsets[Math.min(offsets.length - 1, Math.floor((p / 100) * offsets.length))];
  return `p1 ${fmt(pct(1))} min, p50 ${fmt(pct(50))}, p99 ${fmt(pct(99))}; feeds due in each minute: ${buckets.join(" ")}`;
}

// ---------------------------------------------------------------------------------------------------- main
const dir = mkdtempSync(path.join(tmpdir(), "parallax-bench-scale-"));
const server = await startServer();
const host = `127.0.0.1:${server.port}`;
const origin = `http://${host}`;
let startedPg: string | null = null;
try {
  console.log(
    `bench:scale — ${FEEDS} feeds × ${ITEMS} items = ${FEEDS * ITEMS} articles (${Math.min(corpus.length, FEEDS * ITEMS)} real pages from the extraction corpus, the rest generated rewrites), ${cpus().length} cores\n`,
  );
  const figures: IngestFigure[] = [];
  figures.push(await ingestSqlite(origin, host, dir));
  console.error(`SQLite done: ${fmt(figures[0].seconds)} s`);
  let pgUrl = arg("pg", process.env.PARALLAX_TEST_PG_URL ?? "");
  if (!SKIP_PG) {
    if (!pgUrl) {
      const pgDir = path.join(dir, "pg");
      pgUrl = execFileSync("bash", [path.join(PROJECT_ROOT, "scripts/ci/start-postgres.sh")], {
        env: { ...process.env, PGTEST_DIR: pgDir },
        encoding: "utf8",
      }).trim();
      startedPg = pgDir;
    }
    for (const w of WORKERS) {
      figures.push(await ingestPg(pgUrl, origin, host, w));
      console.error(`PostgreSQL ${w} worker(s) done: ${fmt(figures[figures.length - 1].seconds)} s`);
    }
  }
  console.log("1. End-to-end ingest (fetch → extract → store → cluster → compare)");
  console.log(
    `  ${"setup".padEnd(32)} ${"articles".padStart(8)} ${"placed".padStart(7)} ${"seconds".padStart(8)} ${"art/s".padStart(6)} ${"DB/article".padStart(11)}  bounded by`,
  );
  for (const f of figures) {
    console.log(
      `  ${f.setup.padEnd(32)} ${String(f.articles).padStart(8)} ${String(f.placed).padStart(7)} ${fmt(f.seconds).padStart(8)} ${fmt(f.articles / f.seconds, 2).padStart(6)} ${`${fmt(f.dbBytes / Math.max(1, f.articles) / 1024)} KB`.padStart(11)}  ${f.bound}`,
    );
  }
  if (!SKIP_PG && WORKERS.length) {
    console.log(
      `  largest PostgreSQL tables after the ${WORKERS[WORKERS.length - 1]}-worker run (fixed overhead included):`,
    );
    for (const line of await pgTableSizes(pgUrl, `parallax_bench_scale_w${WORKERS[WORKERS.length - 1]}`))
      console.log(line);
  }
  console.log("\n2. The scheduler at scale (SQLite, in-process, onItem a no-op: polls only)");
  for (const line of await schedulerAtScale(server.port, dir)) console.log(line);
  console.log(`\nfixture server answered ${server.requests()} requests`);
} finally {
  await closeDefaultExtractor();
  await server.close();
  if (startedPg)
    execFileSync("bash", [path.join(PROJECT_ROOT, "scripts/ci/stop-postgres.sh")], {
      env: { ...process.env, PGTEST_DIR: startedPg },
      stdio: "ignore",
    });
  rmSync(dir, { recursive: true, force: true });
}

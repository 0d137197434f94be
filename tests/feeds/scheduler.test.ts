import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";
import { runLimited, startScheduler } from "@/lib/feeds/scheduler";

const feedXml = (n: number) =>
  `<rss version="2.0"><channel><title>F${n}</title><item><title>i</title><link>https://news.example/${n}</link></item></channel></rss>`;

let server: FixtureServer;
let db: Db;
let cleanup: () => Promise<void>;
let active = 0;
let peak = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  for (let n = 0; n < 8; n++) {
    server.route(`/slow/${n}.xml`, async (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 250));
      active--;
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(feedXml(n));
    });
  }
  ({ db, cleanup } = await createTempDb());
});

afterAll(async () => {
  await server?.close();
  await cleanup?.();
});

beforeEach(async () => {
  await db.feed.deleteMany();
  active = peak = 0;
});

describe("runLimited", () => {
  it("respects the global and per-key limits and runs everything", async () => {
    let running = 0;
    let peakAll = 0;
    const perKey = new Map<string, number>();
    let peakKey = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) => ({ i, key: i % 3 === 0 ? "a" : `k${i}` }));
    await runLimited(
      tasks,
      (t) => t.key,
      async (t) => {
        running++;
        perKey.set(t.key, (perKey.get(t.key) ?? 0) + 1);
        peakAll = Math.max(peakAll, running);
        peakKey = Math.max(peakKey, perKey.get("a") ?? 0);
        await new Promise((r) => setTimeout(r, 10));
        perKey.set(t.key, perKey.get(t.key)! - 1);
        running--;
        done.push(t.i);
      },
      { global: 4, perKey: 2 },
    );
    expect(done.sort((a, b) => a - b)).toEqual(tasks.map((t) => t.i));
    expect(peakAll).toBe(4);
    expect(peakKey).toBe(2);
  });

  it("resolves for no tasks and survives a throwing task", async () => {
    await runLimited(
      [],
      () => "x",
      async () => {},
      { global: 4, perKey: 2 },
    );
    let ran = 0;
    await runLimited(
      [1, 2, 3],
      () => "x",
      async (n) => {
        ran++;
        if (n === 2) throw new Error("boom");
      },
      { global: 4, perKey: 2 },
    );
    expect(ran).toBe(3);
  });
});

describe("startScheduler", () => {
  it("polls due enabled feeds with at most 2 requests per host", async () => {
    for (let n = 0; n < 6; n++) await db.feed.create({ data: { url: `${server.url}/slow/${n}.xml` } });
    await db.feed.create({ data: { url: `${server.url}/slow/6.xml`, enabled: false } });
    await db.feed.create({ data: { url: `${server.url}/slow/7.xml`, nextFetchAt: new Date(Date.now() + 3600_000) } });
    const items: string[] = [];
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: [server.host],
      onItem: async (item) => void items.push(item.url),
      initialDelayMs: 60_000,
    });
    await scheduler.runOnce();
    await scheduler.stop();
    expect(items.sort()).toEqual([0, 1, 2, 3, 4, 5].map((n) => `https://news.example/${n}`));
    // All fixture feeds share one host, so the per-host limit is the binding one.
    expect(peak).toBe(2);
    const polled = await db.feed.count({ where: { lastSuccessAt: { not: null } } });
    expect(polled).toBe(6);
  });

  it("polls different hosts side by side, at most 4 at a time", async () => {
    const hosts = ["a.test", "b.test", "c.test"];
    for (let n = 0; n < 6; n++)
      await db.feed.create({ data: { url: `http://${hosts[n % 3]}:${server.port}/slow/${n}.xml` } });
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: hosts,
      onItem: async () => {},
      initialDelayMs: 60_000,
      // Every test host is the fixture server on loopback.
      fetchOptions: { resolve: async () => [{ address: "127.0.0.1", family: 4 }] },
    });
    await scheduler.runOnce();
    await scheduler.stop();
    expect(peak).toBe(4);
    expect(await db.feed.count({ where: { lastSuccessAt: { not: null } } })).toBe(6);
  });

  it("does not start a second pass while one runs, and a second runOnce joins the first", async () => {
    for (let n = 0; n < 2; n++) await db.feed.create({ data: { url: `${server.url}/slow/${n}.xml` } });
    let calls = 0;
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: [server.host],
      onItem: async () => void calls++,
      initialDelayMs: 60_000,
    });
    const a = scheduler.runOnce();
    const b = scheduler.runOnce();
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(calls).toBe(2);
    // Both feeds are now scheduled in the future, so another pass polls nothing.
    await scheduler.runOnce();
    expect(calls).toBe(2);
    await scheduler.stop();
  });

  it("runs a pass shortly after start, and stop() waits for it", async () => {
    await db.feed.create({ data: { url: `${server.url}/slow/0.xml` } });
    let calls = 0;
    const logs: string[] = [];
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: [server.host],
      onItem: async () => void calls++,
      log: (l) => logs.push(l),
      initialDelayMs: 10,
    });
    while (active === 0) await new Promise((r) => setTimeout(r, 5)); // the pass has started and is mid-request
    await scheduler.stop();
    expect(calls).toBe(1);
    expect(logs.some((l) => l.startsWith("pass done"))).toBe(true);
  });

  it("stop() lets the polls in flight finish but starts no more", async () => {
    for (let n = 0; n < 6; n++) await db.feed.create({ data: { url: `${server.url}/slow/${n}.xml` } });
    let calls = 0;
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: [server.host],
      onItem: async () => void calls++,
      initialDelayMs: 60_000,
    });
    const pass = scheduler.runOnce();
    while (active === 0) await new Promise((r) => setTimeout(r, 5)); // the first two requests are in flight
    await scheduler.stop();
    await pass;
    expect(calls).toBe(2);
    expect(await db.feed.count({ where: { lastFetchedAt: null } })).toBe(4);
  });

  it("stop() before the first pass means no pass", async () => {
    await db.feed.create({ data: { url: `${server.url}/slow/0.xml` } });
    let calls = 0;
    const scheduler = startScheduler({
      db,
      intervalMinutes: 15,
      allowHosts: [server.host],
      onItem: async () => void calls++,
      initialDelayMs: 20,
    });
    await scheduler.stop();
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(0);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";
import { pollFeed } from "@/lib/feeds/poll";
import type { FeedItem } from "@/lib/feeds/types";

const rss = (
  items: string[],
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture News</title><ttl>60</ttl>
${items.map((path) => `<item><title>Story ${path}</title><link>${path}</link><guid>${path}</guid></item>`).join("")}
</channel></rss>`;

let server: FixtureServer;
let db: Db;
let cleanup: () => Promise<void>;
let allowHosts: string[];
const now = new Date("2025-03-04T10:00:00Z");

beforeAll(async () => {
  server = await startFixtureServer({
    "/feed.xml": (req, res) => {
      if (req.headers["if-none-match"] === '"abc"') return void res.writeHead(304, { etag: '"abc"' }).end();
      res.writeHead(200, {
        "content-type": "application/rss+xml",
        etag: '"abc"',
        "last-modified": "Mon, 03 Mar 2025 00:00:00 GMT",
      });
      res.end(rss(["/a", "/b", "/c"]));
    },
    "/broken.xml": { headers: { "content-type": "application/rss+xml" }, body: "<rss><channel><title>oops</rss>" },
    "/down.xml": { status: 503, body: "maintenance" },
    "/busy.xml": { status: 429, headers: { "retry-after": "7200" }, body: "slow down" },
  });
  allowHosts = [server.host];
  ({ db, cleanup } = await createTempDb());
});

afterAll(async () => {
  await server?.close();
  await cleanup?.();
});

beforeEach(async () => {
  await db.feed.deleteMany();
});

const addFeed = (path: string, data: Record<string, unknown> = {}) =>
  db.feed.create({ data: { url: `${server.url}${path}`, ...data } });

describe("pollFeed", () => {
  it("delivers items, stores validators and schedules by ttl", async () => {
    const feed = await addFeed("/feed.xml");
    const seen: FeedItem[] = [];
    const result = await pollFeed(db, feed.id, {
      allowHosts,
      onItem: async (item) => void seen.push(item),
      now: () => now,
    });
    expect(result).toMatchObject({ status: "ok", items: 3, itemErrors: [], skipped: [] });
    expect(seen.map((i) => i.url)).toEqual([`${server.url}/a`, `${server.url}/b`, `${server.url}/c`]);

    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({
      etag: '"abc"',
      lastModified: "Mon, 03 Mar 2025 00:00:00 GMT",
      title: "Fixture News",
      consecutiveFailures: 0,
      lastError: null,
      lastFetchedAt: now,
      lastSuccessAt: now,
    });
    // ttl 60 stretches the 15-minute base interval.
    const delay = row.nextFetchAt!.getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(60 * 60_000);
    expect(delay).toBeLessThanOrEqual(65 * 60_000);
  });

  it("sends the stored etag and treats 304 as success without items", async () => {
    const feed = await addFeed("/feed.xml", { etag: '"abc"', consecutiveFailures: 2, lastError: "old" });
    let calls = 0;
    const result = await pollFeed(db, feed.id, { allowHosts, onItem: async () => void calls++, now: () => now });
    expect(result.status).toBe("not-modified");
    expect(calls).toBe(0);
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe('"abc"');
    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({ consecutiveFailures: 0, lastError: null, lastSuccessAt: now, etag: '"abc"' });
  });

  it("goes on after one item fails, and keeps the old validators so the item is retried", async () => {
    const feed = await addFeed("/feed.xml", { etag: '"stale"' });
    const logs: string[] = [];
    const result = await pollFeed(db, feed.id, {
      allowHosts,
      log: (l) => logs.push(l),
      onItem: async (item) => {
        if (item.url.endsWith("/b")) throw new Error("extractor exploded");
      },
    });
    expect(result.status).toBe("ok");
    expect(result.items).toBe(2);
    expect(result.itemErrors).toEqual([{ url: `${server.url}/b`, error: "extractor exploded" }]);
    expect(logs.some((l) => l.includes("extractor exploded"))).toBe(true);
    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.etag).toBe('"stale"');
    expect(row.consecutiveFailures).toBe(0);
    expect(row.lastError).toMatch(/1 of 3 items failed/);
  });

  it("records failures and backs off exponentially", async () => {
    const feed = await addFeed("/down.xml");
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const result = await pollFeed(db, feed.id, { allowHosts, onItem: async () => {}, now: () => now });
      expect(result.status).toBe("error");
      expect(result.error).toMatch(/503/);
      const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
      expect(row.consecutiveFailures).toBe(i);
      expect(row.lastSuccessAt).toBeNull();
      delays.push(row.nextFetchAt!.getTime() - now.getTime());
    }
    expect(delays[0]).toBeGreaterThanOrEqual(15 * 60_000);
    expect(delays[1]).toBeGreaterThanOrEqual(30 * 60_000);
    expect(delays[2]).toBeGreaterThanOrEqual(60 * 60_000);
    expect(delays[2]).toBeLessThan(70 * 60_000);
  });

  it("caps the backoff at a day", async () => {
    const feed = await addFeed("/down.xml", { consecutiveFailures: 40 });
    await pollFeed(db, feed.id, { allowHosts, onItem: async () => {}, now: () => now });
    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    const delay = row.nextFetchAt!.getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(delay).toBeLessThanOrEqual(24 * 3600_000 + 5 * 60_000);
  });

  it("waits out Retry-After on 429", async () => {
    const feed = await addFeed("/busy.xml");
    const result = await pollFeed(db, feed.id, { allowHosts, onItem: async () => {}, now: () => now });
    expect(result.error).toMatch(/429/);
    expect(result.nextFetchAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(2 * 3600_000);
  });

  it("treats unparseable XML as a failure", async () => {
    const feed = await addFeed("/broken.xml");
    const result = await pollFeed(db, feed.id, { allowHosts, onItem: async () => {} });
    expect(result.status).toBe("error");
    expect(result.error).toMatch(/Malformed XML/);
  });

  it("refuses a feed on a private address unless allowed, recording why", async () => {
    const feed = await addFeed("/feed.xml");
    const result = await pollFeed(db, feed.id, { onItem: async () => {} });
    expect(result.status).toBe("error");
    expect(result.error).toMatch(/loopback/);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).lastError).toMatch(/loopback/);
  });

  it("succeeds after failures and resets the counter", async () => {
    const feed = await addFeed("/feed.xml", { consecutiveFailures: 5, lastError: "boom" });
    await pollFeed(db, feed.id, { allowHosts, onItem: async () => {} });
    expect(await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
    });
  });
});

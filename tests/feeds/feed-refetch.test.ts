// Every poll hands over every item still in the feed (issue #16): a known, complete article is not fetched
// again, so a later outage cannot touch it, until the feed's date for the item says the page changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";

const paragraph = (n: number) =>
  `<p>The harbour authority said the new ferry terminal would open next spring after two years of delays caused by storms and rising steel prices, update ${n}.</p>`;
const page = (extra: string) =>
  `<!doctype html><html><head><title>Ferry terminal to open</title></head><body><article><h1>Ferry terminal to open</h1>${[1, 2, 3, 4, 5, 6].map(paragraph).join("")}${extra}</article></body></html>`;
const rss = (link: string, date: Date) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><item><title>Ferry terminal to open</title><link>${link}</link><guid>${link}</guid><pubDate>${date.toUTCString()}</pubDate><description>Teaser: the terminal opens in spring.</description></item></channel></rss>`;

describe("re-polling a feed whose article is stored complete", () => {
  let server: FixtureServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    server = await startFixtureServer();
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  const setFeed = (date: Date) =>
    server.route("/feed.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss(`${server.url}/story`, date),
    });
  const setPage = (status: number, body: string) =>
    server.route("/story", { status, headers: { "content-type": "text/html" }, body });
  const pageFetches = () => server.requests.filter((r) => r.path === "/story").length;

  it("does not fetch the page again until the feed dates the item after it was read; never downgrades it", async () => {
    const hour = 3_600_000;
    setFeed(new Date(Date.now() - 3 * hour));
    setPage(200, page(""));
    const feed = await t.db.feed.create({ data: { url: `${server.url}/feed.xml` } });
    const poll = () =>
      pollFeed(t.db, feed.id, {
        allowHosts: [server.host],
        onItem: async (item, f) => void (await ingestFeedItem(t.db, item, f, [server.host])),
      });

    await poll();
    const first = await t.db.article.findFirstOrThrow();
    expect(first.status).toBe("complete");
    expect(pageFetches()).toBe(1);
    // As if it had been read two hours ago.
    const readAt = new Date(Date.now() - 2 * hour);
    await t.db.article.update({ where: { id: first.id }, data: { fetchedAt: readAt, updatedAt: readAt } });

    // The outlet goes down; the item is unchanged in the feed.
    setPage(503, "maintenance");
    expect((await poll()).itemErrors).toEqual([]);
    expect(pageFetches()).toBe(1);
    expect(await t.db.article.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "complete",
      text: first.text,
    });

    // The feed now dates the item after it was read: fetched again, still down, still complete.
    setFeed(new Date(Date.now() - hour));
    await poll();
    expect(pageFetches()).toBe(2);
    expect(await t.db.article.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "complete",
      text: first.text,
    });

    // The page is back, corrected: the update is taken; then the same date sends no further fetch.
    setPage(200, page("<p>Correction: the terminal opens in early summer, the authority said on Tuesday.</p>"));
    await poll();
    expect(pageFetches()).toBe(3);
    const updated = await t.db.article.findUniqueOrThrow({ where: { id: first.id } });
    expect(updated.text).toContain("Correction");
    await poll();
    expect(pageFetches()).toBe(3);

    // Dated after the read again, but the page is the same: fetched once, then confirmed and left alone.
    await t.db.article.update({ where: { id: first.id }, data: { fetchedAt: readAt, updatedAt: readAt } });
    await poll();
    expect(pageFetches()).toBe(4);
    await poll();
    expect(pageFetches()).toBe(4);
    expect(await t.db.article.count()).toBe(1);
  });

  it("a date far in the future is no sign of a change", async () => {
    const before = pageFetches();
    setFeed(new Date("2100-01-01T00:00:00Z"));
    const feed = await t.db.feed.findFirstOrThrow();
    await pollFeed(t.db, feed.id, {
      allowHosts: [server.host],
      onItem: async (item, f) => void (await ingestFeedItem(t.db, item, f, [server.host])),
    });
    expect(pageFetches()).toBe(before);
  });
});

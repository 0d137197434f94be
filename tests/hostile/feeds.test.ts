// Feeds with hostile semantics, polled through the real scheduler path (pollFeed → ingestFeedItem) against a
// server on 127.0.0.1: GUIDs that change on every poll, duplicate GUIDs, dates in 1970 and 2100, credentialed
// and off-domain links, a charset header that lies. Nothing is stored twice or overwritten, and every refused
// item has its reason recorded on the feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { type HostileServer, startHostileServer } from "@/tests/support/hostile-server";
import { createTempDb } from "@/tests/support/temp-db";

const TOPICS = ["harbour ferry terminal", "mountain railway tunnel", "city library renovation", "river flood barrier"];

/** A distinct article per topic, so that identity is by URL and text, never by accident. */
function articlePage(topic: string): string {
  const sentence = `Officials said the ${topic} project would finish next spring after two years of delays caused by storms and rising steel prices, and that the budget would not change.`;
  const body = Array.from(
    { length: 5 },
    (_, i) => `<p>${sentence} Council members asked question ${i + 1} about the ${topic}.</p>`,
  ).join("");
  return `<!doctype html><html><head><title>News about the ${topic}</title></head><body><article><h1>News about the ${topic}</h1>${body}</article></body></html>`;
}

interface Item {
  guid: string;
  link: string;
  date?: string;
}
const rss = (items: Item[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>http://127.0.0.1/</link>${items
    .map(
      (i) =>
        `<item><title>Item ${i.guid}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ""}<description><![CDATA[<p>FEED TEXT for ${i.guid}: ${"filler words of a teaser ".repeat(6)}</p>]]></description></item>`,
    )
    .join("")}</channel></rss>`;

describe("polling hostile feeds", () => {
  let server: HostileServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    server = await startHostileServer();
    for (const [i, topic] of TOPICS.entries()) {
      server.route(`/story/${i}`, {
        headers: { "content-type": "text/html; charset=utf-8" },
        body: articlePage(topic),
      });
    }
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  const poll = async (path: string) => {
    const feed =
      (await t.db.feed.findFirst({ where: { url: `${server.url}${path}` } })) ??
      (await t.db.feed.create({ data: { url: `${server.url}${path}` } }));
    const result = await pollFeed(t.db, feed.id, {
      allowHosts: [server.host],
      onItem: async (item, f) => void (await ingestFeedItem(t.db, item, f, [server.host])),
    });
    return { result, feed: await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } }) };
  };
  const counts = async () => ({
    articles: await t.db.article.count(),
    events: await t.db.event.count({ where: { mergedIntoId: null } }),
    memberships: await t.db.eventArticle.count(),
  });

  it("a feed that changes every GUID on every poll stores each article once", async () => {
    let pollNumber = 0;
    server.route("/rotating.xml", (_req, res) => {
      pollNumber++;
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        rss(
          TOPICS.slice(0, 3).map((_, i) => ({
            guid: `poll-${pollNumber}-item-${i}`,
            link: `${server.url}/story/${i}`,
          })),
        ),
      );
    });
    await poll("/rotating.xml");
    const first = await counts();
    expect(first.articles).toBe(3);
    for (let i = 0; i < 3; i++) await poll("/rotating.xml");
    expect(pollNumber).toBe(4);
    expect(await counts()).toEqual(first);
  });

  it("duplicate GUIDs within a feed are delivered once, the rest skipped with a reason", async () => {
    const before = await counts();
    server.route("/dup.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss([
        { guid: "same", link: `${server.url}/story/3` },
        { guid: "same", link: `${server.url}/story/0` },
        { guid: "same", link: `${server.url}/story/3?again` },
      ]),
    });
    const { result } = await poll("/dup.xml");
    expect(result.items).toBe(1);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "duplicate of an earlier item",
      "duplicate of an earlier item",
    ]);
    expect((await counts()).articles).toBe(before.articles + 1);
  });

  it("dates in 1970 and 2100 are stored, the future one no later than a day ahead", async () => {
    const path = "/dates.xml";
    server.route("/dated/1970", {
      headers: { "content-type": "text/html" },
      body: articlePage("old observatory dome"),
    });
    server.route("/dated/2100", {
      headers: { "content-type": "text/html" },
      body: articlePage("future airport runway"),
    });
    server.route(path, {
      headers: { "content-type": "application/rss+xml" },
      body: rss([
        { guid: "d1970", link: `${server.url}/dated/1970`, date: "Thu, 01 Jan 1970 00:00:00 GMT" },
        { guid: "d2100", link: `${server.url}/dated/2100`, date: "Fri, 01 Jan 2100 00:00:00 GMT" },
      ]),
    });
    const { result } = await poll(path);
    expect(result.itemErrors).toEqual([]);
    const stored = await t.db.article.findMany({ where: { url: { contains: "/dated/" } } });
    expect(stored).toHaveLength(2);
    const dayAhead = Date.now() + 24 * 3600 * 1000;
    for (const a of stored) expect(a.publishedAt === null || a.publishedAt.getTime() <= dayAhead).toBe(true);
  });

  it("a page whose charset header lies is not stored as garbled text", async () => {
    const before = await counts();
    server.route("/liar", {
      headers: { "content-type": "text/html; charset=utf-16le" },
      body: articlePage("bridge toll plaza"),
    });
    server.route("/liar.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss([{ guid: "liar", link: `${server.url}/liar` }]),
    });
    const { feed } = await poll("/liar.xml");
    const stored = await t.db.article.findMany({ where: { url: `${server.url}/liar` } });
    // The bytes refute the header (ASCII markup has no NULs, so it is not UTF-16): the real text is stored.
    expect(feed.lastError).toBeNull();
    expect(stored.map((a) => a.text.includes("bridge toll plaza"))).toEqual([true]);
    expect((await counts()).articles).toBe(before.articles + stored.length);
  });

  it("credentialed and off-domain links neither overwrite a stored article nor store the feed's text", async () => {
    const before = await counts();
    const original = await t.db.article.findFirstOrThrow({ where: { url: `${server.url}/story/0` } });
    server.route("/links.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss([
        { guid: "cred", link: `http://x:y@${server.host}/story/0` },
        { guid: "offsite", link: `http://127.0.0.2:${server.port}/story/0` },
        { guid: "dead", link: `${server.url}/no-such-page-but-a-teaser` },
      ]),
    });
    const { result, feed } = await poll("/links.xml");
    const after = await t.db.article.findUniqueOrThrow({ where: { id: original.id } });
    expect(after).toMatchObject({ text: original.text, title: original.title, status: "complete" });
    expect(await t.db.article.count({ where: { text: { contains: "FEED TEXT for cred" } } })).toBe(0);
    expect(await t.db.article.count({ where: { text: { contains: "FEED TEXT for offsite" } } })).toBe(0);
    // The credentialed link names a known complete article: it is not fetched or replaced. The off-site page cannot
    // be fetched, and the feed's text may not stand in for a page on another host.
    expect(result.itemErrors.map((e) => e.url)).toEqual([`http://127.0.0.2:${server.port}/story/0`]);
    expect(feed.lastError).toMatch(/^1 of 3 items failed.*not 127\.0\.0\.2/);
    // Only the dead page on the feed's own host falls back to the feed's text, marked partial.
    expect((await counts()).articles).toBe(before.articles + 1);
    expect(await t.db.article.count({ where: { text: { contains: "FEED TEXT for dead" }, status: "partial" } })).toBe(
      1,
    );
  });
});

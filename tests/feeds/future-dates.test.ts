// Items dated 2100 (issue #16) would sit at the top of every date-ordered list for good: a date more than a day
// after the fetch is stored as the fetch time, and the raw input keeps the date the source gave.
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";

const body = (topic: string) =>
  Array.from(
    { length: 6 },
    (_, i) =>
      `<p>The council said the ${topic} would be finished after two years of delays caused by storms and rising steel prices, part ${i + 1}.</p>`,
  ).join("");
const far = new Date("2100-01-01T00:00:00Z");

describe("future publication dates", () => {
  let server: FixtureServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  const soon = new Date(Date.now() + 2 * 3_600_000);
  beforeAll(async () => {
    const item = (path: string, date: Date, topic: string) =>
      `<item><title>The ${topic}</title><link>http://127.0.0.1:PORT${path}</link><pubDate>${date.toUTCString()}</pubDate><description><![CDATA[${body(topic)}]]></description></item>`;
    server = await startFixtureServer({
      // The page itself claims 2100.
      "/page": {
        headers: { "content-type": "text/html" },
        body: `<!doctype html><html><head><title>The bridge</title><meta property="article:published_time" content="${far.toISOString()}"></head><body><article><h1>The bridge</h1>${body("bridge")}</article></body></html>`,
      },
    });
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Dated</title>${[
      item("/page", far, "bridge"),
      item("/far", far, "tunnel"), // no page: the feed's own text, dated 2100
      item("/soon", soon, "station"), // no page: dated two hours ahead, within a day
    ].join("")}</channel></rss>`.replaceAll("PORT", String(server.port));
    server.route("/feed.xml", { headers: { "content-type": "application/rss+xml" }, body: rss });
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  it("stores a date more than a day ahead as the fetch time, keeps the original in the raw input", async () => {
    const feed = await t.db.feed.create({ data: { url: `${server.url}/feed.xml` } });
    const result = await pollFeed(t.db, feed.id, {
      allowHosts: [server.host],
      onItem: async (item, f) => void (await ingestFeedItem(t.db, item, f, [server.host])),
    });
    expect(result.itemErrors).toEqual([]);
    const byPath = async (path: string) => t.db.article.findFirstOrThrow({ where: { url: `${server.url}${path}` } });

    for (const path of ["/page", "/far"]) {
      const article = await byPath(path);
      expect(article.publishedAt, path).toEqual(article.fetchedAt);
      expect(gunzipSync(article.raw).toString(), path).toContain(far.toISOString());
    }
    expect((await byPath("/far")).status).toBe("partial");
    expect((await byPath("/soon")).publishedAt?.getTime()).toBe(Math.floor(soon.getTime() / 1000) * 1000);
  });
});

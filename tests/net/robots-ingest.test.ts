// robots.txt as the ingest paths see it: `npm run ingest URL` refuses a disallowed page, a feed item keeps the
// feed's own content (partial) instead of fetching it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { ingestInput } from "@/lib/pipeline/ingest";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";

const paragraph =
  "The harbour authority said the new ferry terminal would open next spring after two years of delays caused by storms and rising steel prices, and that ticket prices would stay the same.";
const body = Array.from({ length: 6 }, (_, i) => `<p>${paragraph} Update ${i + 1}.</p>`).join("");
const page = `<!doctype html><html><head><title>Ferry terminal to open</title></head><body><article><h1>Ferry terminal to open</h1>${body}</article></body></html>`;

describe("robots.txt in ingest", () => {
  let server: FixtureServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    server = await startFixtureServer({
      "/robots.txt": { headers: { "content-type": "text/plain" }, body: "User-agent: Parallax\nDisallow: /members/\n" },
      "/members/story": { headers: { "content-type": "text/html" }, body: page },
    });
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  it("npm run ingest URL fails with 'disallowed by robots.txt' and never fetches the page", async () => {
    const result = await ingestInput(
      { kind: "url", url: `${server.url}/members/story` },
      { db: t.db, allowHosts: [server.host] },
    );
    expect(result).toMatchObject({ outcome: "failed", reason: "disallowed by robots.txt" });
    expect(server.requests.some((r) => r.path === "/members/story")).toBe(false);
  });

  it("a feed item whose page is disallowed is kept from the feed's content, as partial", async () => {
    const item = {
      url: `${server.url}/members/story`,
      title: "Ferry terminal to open",
      publishedAt: null,
      contentHtml: body,
    };
    const feed = await t.db.feed.create({ data: { url: `${server.url}/feed.xml` } });
    const result = await ingestFeedItem(t.db, item, feed, [server.host]);
    const article = await t.db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article.status).toBe("partial");
    expect(server.requests.some((r) => r.path === "/members/story")).toBe(false);
  });
});

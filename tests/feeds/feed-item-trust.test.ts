// What a hostile or failing feed can do to stored articles (issue #16): its own text is stored only under its
// outlet's domains, and never over an article read from the page itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { isUnderDomains, outletDomains } from "@/lib/pipeline/feed-domains";
import { ingestInput } from "@/lib/pipeline/ingest";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { createTempDb } from "@/tests/support/temp-db";

const paragraph =
  "The harbour authority said the new ferry terminal would open next spring after two years of delays caused by storms and rising steel prices, and that ticket prices would stay the same.";
const body = Array.from({ length: 6 }, (_, i) => `<p>${paragraph} Update ${i + 1}.</p>`).join("");
const page = `<!doctype html><html><head><title>Ferry terminal to open</title></head><body><article><h1>Ferry terminal to open</h1>${body}</article></body></html>`;
const fabricated = "<p>FABRICATED: the harbour authority has been dissolved and every ferry cancelled for good.</p>";

const rss = (items: { link: string; title: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>http://hostile.example/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><description><![CDATA[${fabricated}]]></description></item>`,
    )
    .join("")}</channel></rss>`;

describe("a feed's own text and stored articles", () => {
  let server: FixtureServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    server = await startFixtureServer({ "/story": { headers: { "content-type": "text/html" }, body: page } });
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  const poll = (feedId: number) =>
    pollFeed(t.db, feedId, {
      allowHosts: [server.host],
      onItem: async (item, feed) => void (await ingestFeedItem(t.db, item, feed, [server.host])),
    });

  it("a credentialed link to a stored article (refused by the fetcher) leaves the article as it was", async () => {
    const stored = await ingestInput(
      { kind: "url", url: `${server.url}/story` },
      { db: t.db, allowHosts: [server.host] },
    );
    expect(stored.outcome).toBe("new");
    const before = await t.db.article.findFirstOrThrow({ where: { url: `${server.url}/story` } });
    expect(before.status).toBe("complete");

    server.route("/cred.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss([{ link: `http://x@${server.host}/story`, title: "Ferry terminal cancelled" }]),
    });
    const feed = await t.db.feed.create({ data: { url: `${server.url}/cred.xml` } });
    await poll(feed.id);

    const after = await t.db.article.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ text: before.text, title: before.title, status: "complete", feedId: null });
    expect(after.text).not.toContain("FABRICATED");
    expect(await t.db.article.count({ where: { text: { contains: "FABRICATED" } } })).toBe(0);
  });

  it("an item on another site whose page cannot be fetched fails with its reason and stores nothing", async () => {
    // 127.0.0.2 is not in allowHosts, so the fetcher refuses it (a private address) without any network.
    const offSite = `http://127.0.0.2:${server.port}/world/exclusive`;
    server.route("/offsite.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss([{ link: offSite, title: "Exclusive" }]),
    });
    const feed = await t.db.feed.create({ data: { url: `${server.url}/offsite.xml` } });
    const count = await t.db.article.count();

    const result = await poll(feed.id);

    expect(result.items).toBe(0);
    expect(result.itemErrors).toHaveLength(1);
    expect(result.itemErrors[0].error).toMatch(/outlet's domains \(127\.0\.0\.1\), not 127\.0\.0\.2/);
    const row = await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.lastError).toMatch(/1 of 1 items failed.*127\.0\.0\.2/);
    expect(await t.db.article.count()).toBe(count);
  });

  it("an outlet's domains are its catalogue domains, matched by host and never by look-alike", () => {
    expect(outletDomains("bbc.co.uk")).toEqual(["bbc.co.uk", "bbc.com", "bbci.co.uk"]);
    const bbc = outletDomains("bbc.co.uk");
    expect(isUnderDomains("https://www.bbc.com/news/world-1", bbc)).toBe(true);
    expect(isUnderDomains("https://feeds.bbci.co.uk/news/rss.xml", bbc)).toBe(true);
    expect(isUnderDomains("https://notbbc.com/news", bbc)).toBe(false);
    expect(isUnderDomains("https://bbc.co.uk.evil.example/news", bbc)).toBe(false);
    expect(isUnderDomains("http://x@bbc.co.uk.evil.example/news", bbc)).toBe(false);
  });
});

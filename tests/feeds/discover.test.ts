import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { discoverFeeds, feedLinksInHtml } from "@/lib/feeds/discover";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title><link>https://fixture.example/</link>
<item><title>One</title><link>https://fixture.example/1</link><guid>1</guid></item></channel></rss>`;
const html = (head: string) =>
  `<!doctype html><html><head><title>Home</title>${head}</head><body><p>News</p></body></html>`;
const HTML_HEADERS = { "content-type": "text/html; charset=utf-8" };
const RSS_HEADERS = { "content-type": "application/rss+xml" };

describe("feedLinksInHtml", () => {
  it("keeps rel=alternate links of feed types, resolved against <base> or the page", () => {
    const page = html(`
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="All" href="/rss/all.xml">
      <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
      <link rel="Alternate nofollow" type="application/feed+json; charset=utf-8" href="feed.json">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="/rss/all.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`);
    expect(feedLinksInHtml(page, "https://site.example/news/index.html")).toEqual([
      "https://site.example/rss/all.xml",
      "https://other.example/atom",
      "https://site.example/news/feed.json",
    ]);
    const withBase = html(
      `<base href="https://cdn.example/sub/"><link rel="alternate" type="application/rss+xml" href="f.xml">`,
    );
    expect(feedLinksInHtml(withBase, "https://site.example/")).toEqual(["https://cdn.example/sub/f.xml"]);
  });
});

describe("discoverFeeds", () => {
  let announced: FixtureServer;
  let probed: FixtureServer;
  let bare: FixtureServer;
  beforeAll(async () => {
    announced = await startFixtureServer({
      "/": {
        headers: HTML_HEADERS,
        body: html(
          `<link rel="alternate" type="application/rss+xml" href="/news/rss.xml"><link rel="alternate" type="application/atom+xml" href="atom.xml">`,
        ),
      },
    });
    probed = await startFixtureServer({
      "/": { headers: HTML_HEADERS, body: html("") },
      "/feed": { status: 301, headers: { location: "/feed/" } },
      "/feed/": { headers: RSS_HEADERS, body: RSS },
      // Answers 200 with HTML, like many sites' catch-all routes: not a feed.
      "/rss": { headers: HTML_HEADERS, body: html("") },
      "/index.xml": { headers: RSS_HEADERS, body: "<rss><channel><title>broken" },
    });
    bare = await startFixtureServer({
      "/": { headers: HTML_HEADERS, body: html("") },
      "/feed.xml": { headers: RSS_HEADERS, body: RSS },
    });
  });
  afterAll(async () => {
    await Promise.all([announced.close(), probed.close(), bare.close()]);
  });

  it("returns the feeds a homepage announces, without probing", async () => {
    const feeds = await discoverFeeds(`${announced.url}/`, { allowHosts: [announced.host] });
    expect(feeds).toEqual([`${announced.url}/news/rss.xml`, `${announced.url}/atom.xml`]);
    expect(announced.requests.map((r) => r.path)).toEqual(["/"]);
  });

  it("probes the usual paths when the page announces nothing, keeping only real feeds", async () => {
    const feeds = await discoverFeeds(`${probed.url}/`, { allowHosts: [probed.host] });
    expect(feeds).toEqual([`${probed.url}/feed/`]);
    expect(probed.requests.map((r) => r.path)).toEqual(
      expect.arrayContaining(["/rss.xml", "/atom.xml", "/feeds/posts/default"]),
    );
  });

  it("returns the URL itself when it already is a feed", async () => {
    expect(await discoverFeeds(`${bare.url}/feed.xml`, { allowHosts: [bare.host] })).toEqual([`${bare.url}/feed.xml`]);
  });

  it("goes through the SSRF guard", async () => {
    await expect(discoverFeeds(`${bare.url}/`)).rejects.toThrow(/private|loopback|not public|refus|blocked/i);
  });
});

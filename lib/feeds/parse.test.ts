import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "./parse";

const BASE = "https://news.example/feeds/main.xml";

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title>
  <link>https://news.example/</link>
  <ttl>30</ttl>
  <skipHours><hour>1</hour><hour>2</hour><hour>24</hour></skipHours>
  <item>
    <title>  Parliament   votes on budget </title>
    <link>/2025/03/budget</link>
    <guid isPermaLink="false">budget-123</guid>
    <pubDate>Tue, 04 Mar 2025 10:15:00 +0200</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>The full <b>story</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Guid is the permalink</title>
    <guid>https://news.example/2025/03/permalink</guid>
    <pubDate>not a date</pubDate>
  </item>
  <item>
    <title>No way to reach me</title>
    <description>orphan</description>
  </item>
  <item>
    <title>Script link</title>
    <link>javascript:alert(1)</link>
  </item>
</channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Times</title>
  <link href="https://atom.example/" rel="alternate"/>
  <link href="https://atom.example/feed" rel="self"/>
  <entry>
    <title type="html">Storm &amp;amp; floods</title>
    <link href="https://atom.example/feed.atom" rel="self"/>
    <link href="/2025/storm" rel="alternate"/>
    <id>tag:atom.example,2025:storm</id>
    <published>2025-03-04T08:00:00Z</published>
    <updated>2025-03-04T09:00:00Z</updated>
    <author><name>Ann Reporter</name></author>
    <summary type="html">&lt;p&gt;Rain &amp;amp; wind&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Long text&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://atom.example/2025/updated"/>
    <id>urn:x:2</id>
    <updated>2025-03-05T00:00:00Z</updated>
  </entry>
  <entry>
    <title>Bad date</title>
    <link href="https://atom.example/2025/bad-date"/>
    <id>urn:x:3</id>
    <published>yesterday-ish</published>
  </entry>
</feed>`;

const rss1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Daily</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/a"><title>RDF item</title><link>https://rdf.example/a</link><dc:date>2025-01-02T03:04:05Z</dc:date></item>
</rdf:RDF>`;

const rss091 = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<item><title>Old item</title><link>https://old.example/1</link></item></channel></rss>`;

describe("parseFeed: RSS", () => {
  it("reads RSS 2.0 items, resolving links and keeping the full body", async () => {
    const feed = await parseFeed(rss2, BASE);
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Example News");
    expect(feed.link).toBe("https://news.example/");
    expect(feed.ttlMinutes).toBe(30);
    expect(feed.skipHours).toEqual([0, 1, 2]);
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toEqual({
      guid: "budget-123",
      url: "https://news.example/2025/03/budget",
      title: "Parliament votes on budget",
      publishedAt: new Date("2025-03-04T08:15:00Z"),
      author: "Jane Doe",
      contentHtml: "<p>The full <b>story</b>.</p>",
      summary: "Short & sweet",
    });
    expect(second.url).toBe("https://news.example/2025/03/permalink");
    expect(second.publishedAt).toBeNull();
  });

  it("records why items were skipped", async () => {
    const feed = await parseFeed(rss2, BASE);
    expect(feed.skipped).toHaveLength(2);
    expect(feed.skipped[0]).toMatchObject({ reason: "item has no link", ref: "No way to reach me" });
    expect(feed.skipped[1].reason).toMatch(/not http/);
  });

  it("reads RSS 1.0 (RDF) and RSS 0.91 with its harmless external DOCTYPE", async () => {
    const rdf = await parseFeed(rss1, BASE);
    expect(rdf.title).toBe("RDF Daily");
    expect(rdf.items[0]).toMatchObject({ url: "https://rdf.example/a", guid: "https://rdf.example/a" });
    expect(rdf.items[0].publishedAt?.toISOString()).toBe("2025-01-02T03:04:05.000Z");
    const old = await parseFeed(rss091, BASE);
    expect(old.items.map((i) => i.url)).toEqual(["https://old.example/1"]);
  });

  it("repairs HTML entities and bare ampersands that strict XML refuses", async () => {
    const sloppy = `<rss version="2.0"><channel><title>Sloppy&nbsp;Feed</title>
      <item><title>Tom &amp; Jerry &mdash; the sequel</title><link>https://s.example/?a=1&b=2</link>
      <description><![CDATA[<p>AT&T &nbsp; stays</p>]]></description></item></channel></rss>`;
    const feed = await parseFeed(sloppy, BASE);
    expect(feed.title).toBe("Sloppy\u00a0Feed");
    expect(feed.items[0].title).toBe("Tom & Jerry \u2014 the sequel");
    expect(feed.items[0].url).toBe("https://s.example/?a=1&b=2");
    expect(feed.items[0].contentHtml).toBe("<p>AT&T &nbsp; stays</p>");
  });
});

describe("parseFeed: duplicates", () => {
  it("keeps the first of items sharing a guid or a link", async () => {
    const dup = `<rss version="2.0"><channel><title>D</title>
      <item><title>A</title><link>https://d.example/a</link><guid>1</guid></item>
      <item><title>A again</title><link>https://d.example/a2</link><guid>1</guid></item>
      <item><title>A by link</title><link>https://d.example/a</link><guid>3</guid></item>
      <item><title>B</title><link>https://d.example/b</link><guid>4</guid></item></channel></rss>`;
    const feed = await parseFeed(dup, BASE);
    expect(feed.items.map((i) => i.title)).toEqual(["A", "B"]);
    expect(feed.skipped).toEqual([
      { reason: "duplicate of an earlier item", ref: "https://d.example/a2" },
      { reason: "duplicate of an earlier item", ref: "https://d.example/a" },
    ]);
  });
});

describe("parseFeed: Atom", () => {
  it("reads entries with the alternate link, id and author", async () => {
    const feed = await parseFeed(atom, BASE);
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("Atom Times");
    expect(feed.items[0]).toEqual({
      guid: "tag:atom.example,2025:storm",
      url: "https://news.example/2025/storm",
      title: "Storm & floods",
      publishedAt: new Date("2025-03-04T08:00:00Z"),
      author: "Ann Reporter",
      contentHtml: "<p>Long text</p>",
      summary: "Rain & wind",
    });
    expect(feed.items[1].publishedAt).toEqual(new Date("2025-03-05T00:00:00Z"));
  });

  it("skips an entry whose date rss-parser cannot handle instead of failing the feed", async () => {
    const feed = await parseFeed(atom, BASE);
    expect(feed.items).toHaveLength(2);
    expect(feed.skipped).toHaveLength(1);
    expect(feed.skipped[0].reason).toMatch(/unreadable item/);
  });
});

describe("parseFeed: JSON Feed", () => {
  const json = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "JSON Post",
    home_page_url: "https://json.example/",
    items: [
      {
        id: "1",
        url: "https://json.example/one",
        title: "One",
        content_html: "<p>One</p>",
        summary: "first",
        date_published: "2025-02-01T10:00:00+01:00",
        authors: [{ name: "Sam" }],
      },
      { id: 2, external_url: "/two", content_text: "Para one.\n\nPara <two>." },
      { url: "https://json.example/no-id" },
      { id: "4", url: "mailto:x@y.z" },
    ],
  });

  it("reads items, converting content_text to HTML", async () => {
    const feed = await parseFeed(json, "https://json.example/feed.json");
    expect(feed.format).toBe("json");
    expect(feed.title).toBe("JSON Post");
    expect(feed.link).toBe("https://json.example/");
    expect(feed.items[0]).toEqual({
      guid: "1",
      url: "https://json.example/one",
      title: "One",
      publishedAt: new Date("2025-02-01T09:00:00Z"),
      author: "Sam",
      contentHtml: "<p>One</p>",
      summary: "first",
    });
    expect(feed.items[1]).toMatchObject({ guid: "2", url: "https://json.example/two", title: "" });
    expect(feed.items[1].contentHtml).toBe("<p>Para one.</p>\n<p>Para &lt;two&gt;.</p>");
    expect(feed.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^item 2: id/),
      expect.stringMatching(/not http/),
    ]);
  });

  it("refuses JSON that is not a JSON Feed", async () => {
    await expect(parseFeed('{"hello": "world"}', BASE)).rejects.toMatchObject({ reason: "unknown-format" });
    await expect(parseFeed("{broken", BASE)).rejects.toMatchObject({ reason: "malformed" });
  });
});

describe("parseFeed: refusals", () => {
  it("refuses broken XML", async () => {
    const err = await parseFeed("<rss version='2.0'><channel><title>x</channel></rss>", BASE).catch((e) => e);
    expect(err).toBeInstanceOf(FeedParseError);
    expect(err.reason).toBe("malformed");
  });

  it("refuses entity declarations (billion laughs) before parsing", async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`;
    await expect(parseFeed(laughs, BASE)).rejects.toMatchObject({ reason: "entity-declaration" });
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>`;
    await expect(parseFeed(xxe, BASE)).rejects.toMatchObject({ reason: "entity-declaration" });
  });

  it("does not mistake an article quoting <!ENTITY in CDATA for an attack", async () => {
    const ok = `<rss version="2.0"><channel><title>XML tips</title><item><title>DTDs</title><link>https://x.example/dtd</link>
      <description><![CDATA[Write <!ENTITY foo "bar"> in your DTD]]></description></item></channel></rss>`;
    expect((await parseFeed(ok, BASE)).items).toHaveLength(1);
  });

  it("refuses documents over the size limit", async () => {
    const big = `<rss version="2.0"><channel>${"<item/>".repeat(200)}</channel></rss>`;
    await expect(parseFeed(big, BASE, { maxChars: 500 })).rejects.toMatchObject({ reason: "too-large" });
  });

  it("refuses HTML pages and other XML", async () => {
    await expect(parseFeed("<html><body>hi</body></html>", BASE)).rejects.toMatchObject({ reason: "unknown-format" });
    await expect(parseFeed("plain text", BASE)).rejects.toMatchObject({ reason: "unknown-format" });
  });
});

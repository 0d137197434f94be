import { describe, expect, it } from "vitest";
import { escapeXmlAttribute } from "@/lib/text/escape";
import { buildOpml, OpmlError, parseOpml, type OpmlFeed } from "./index";

const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by some feed reader -->
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News">
      <outline text="World">
        <outline type="rss" text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.com/news/world"/>
        <outline type="rss" title="Guardian &amp; Observer" text="ignored when title is there" xmlUrl="https://www.theguardian.com/world/rss"/>
      </outline>
      <outline type="rss" text="NPR" xmlUrl="https://feeds.npr.org/1001/rss.xml" category="/Radio/Public,/US"/>
    </outline>
    <outline type="rss" text="Top level" xmlUrl="https://example.org/feed.xml"/>
    <outline type="rss" text="Duplicate" xmlUrl="https://example.org/feed.xml"/>
    <outline type="rss" text="Not http" xmlUrl="file:///etc/passwd"/>
    <outline text="Just a heading without feeds"/>
  </body>
</opml>`;

describe("parseOpml", () => {
  it("reads nested outlines with xmlUrl, htmlUrl, title/text and category", () => {
    const doc = parseOpml(READER_EXPORT);
    expect(doc.title).toBe("My subscriptions");
    expect(doc.feeds).toEqual([
      {
        xmlUrl: "https://feeds.bbci.co.uk/news/world/rss.xml",
        htmlUrl: "https://www.bbc.com/news/world",
        title: "BBC World",
        category: "News/World",
        parallax: {},
      },
      {
        xmlUrl: "https://www.theguardian.com/world/rss",
        htmlUrl: null,
        title: "Guardian & Observer",
        category: "News/World",
        parallax: {},
      },
      {
        xmlUrl: "https://feeds.npr.org/1001/rss.xml",
        htmlUrl: null,
        title: "NPR",
        category: "Radio/Public",
        parallax: {},
      },
      { xmlUrl: "https://example.org/feed.xml", htmlUrl: null, title: "Top level", category: null, parallax: {} },
    ]);
  });

  it("refuses DOCTYPEs and entity declarations (billion laughs, XXE)", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.org/f"/></body></opml>`;
    expect(() => parseOpml(laughs)).toThrow(OpmlError);
    const xxe = `<!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml version="2.0"><body/></opml>`;
    expect(() => parseOpml(xxe)).toThrow(/DOCTYPE/);
  });

  it("explains malformed or non-OPML input", () => {
    expect(() => parseOpml("<opml><body><outline></body></opml>")).toThrow(/Malformed XML/);
    expect(() => parseOpml("<rss version='2.0'><channel/></rss>")).toThrow(/root element is not <opml>/);
  });
});

describe("buildOpml", () => {
  it("escapes attribute values so hostile titles cannot break out", () => {
    expect(escapeXmlAttribute(`a"b'<c>&d\n`)).toBe("a&quot;b&apos;&lt;c&gt;&amp;d&#10;");
    const xml = buildOpml({
      title: "t",
      feeds: [
        {
          xmlUrl: "https://x.org/f?a=1&b=2",
          htmlUrl: null,
          title: `"/><script>x</script>`,
          category: null,
          parallax: {},
        },
      ],
    });
    expect(xml).not.toContain("<script>");
    expect(parseOpml(xml).feeds[0]).toMatchObject({
      xmlUrl: "https://x.org/f?a=1&b=2",
      title: `"/><script>x</script>`,
    });
  });

  it("round-trips feeds, categories and Parallax's own attributes", () => {
    const feeds: OpmlFeed[] = [
      {
        xmlUrl: "https://feeds.bbci.co.uk/news/world/rss.xml",
        htmlUrl: "https://www.bbc.com/news",
        title: "BBC",
        category: "public-broadcaster",
        parallax: { country: "GB", language: "en", lean: "center" },
      },
      {
        xmlUrl: "https://www.lemonde.fr/rss/une.xml",
        htmlUrl: "https://www.lemonde.fr/",
        title: "Le Monde « À la une »",
        category: "national",
        parallax: { country: "FR" },
      },
      {
        xmlUrl: "https://www.theguardian.com/world/rss",
        htmlUrl: null,
        title: "Guardian & co",
        category: "national",
        parallax: {},
      },
      { xmlUrl: "https://example.org/feed", htmlUrl: null, title: "Loose", category: null, parallax: {} },
      { xmlUrl: "https://example.org/nested", htmlUrl: null, title: "Nested", category: "World/Europe", parallax: {} },
    ];
    const xml = buildOpml({ title: "Parallax sources", feeds, dateCreated: new Date(0) });
    const back = parseOpml(xml);
    expect(back.title).toBe("Parallax sources");
    expect(new Set(back.feeds.map((f) => JSON.stringify(f)))).toEqual(new Set(feeds.map((f) => JSON.stringify(f))));
  });
});

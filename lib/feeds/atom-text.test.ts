// Atom text constructs read by their type and mode: titles become clean text, base64 is decoded.
import { describe, expect, it } from "vitest";
import { parseFeed } from "./parse";

const BASE = "https://atom.example/feed";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

const atom03 = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title mode="escaped" type="text/html">Old &lt;b&gt;Blog&lt;/b&gt;</title>
  <link rel="alternate" type="text/html" href="https://atom.example/"/>
  <entry>
    <title mode="base64" type="text/plain">${b64("Grüße aus Köln")}</title>
    <link rel="alternate" type="text/html" href="https://atom.example/1"/>
    <id>tag:atom.example,2004:1</id>
    <issued>2004-05-01T10:00:00Z</issued>
    <content type="text/html" mode="base64">${b64("<p>Body <b>one</b></p>")}</content>
  </entry>
  <entry>
    <title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <em>markup</em> title</div></title>
    <link rel="alternate" type="text/html" href="https://atom.example/2"/>
    <id>tag:atom.example,2004:2</id>
  </entry>
  <entry>
    <title type="text/html" mode="escaped">Escaped &lt;i&gt;HTML&lt;/i&gt; &amp;amp; more</title>
    <link rel="alternate" type="text/html" href="https://atom.example/3"/>
    <id>tag:atom.example,2004:3</id>
  </entry>
</feed>`;

const atom10 = `<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>Bold</b> Times</div></title>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <em>first</em> look at <code>x &lt; y</code></div></title>
    <link href="https://atom.example/a"/><id>a</id>
  </entry>
  <entry>
    <title type="html">&lt;p&gt;Storms &lt;em&gt;hit&lt;/em&gt; the coast&lt;/p&gt;</title>
    <link href="https://atom.example/b"/><id>b</id>
  </entry>
  <entry>
    <title type="text">Why &lt;div&gt; is not a title tag</title>
    <link href="https://atom.example/c"/><id>c</id>
  </entry>
</feed>`;

describe("Atom text constructs", () => {
  it("reads Atom 0.3: base64 titles and content decoded, mode=xml titles not empty, escaped HTML as clean text", async () => {
    const feed = await parseFeed(atom03, BASE);
    expect(feed.title).toBe("Old Blog");
    expect(feed.items.map((i) => i.title)).toEqual(["Grüße aus Köln", "Inline markup title", "Escaped HTML & more"]);
    expect(feed.items[0].contentHtml).toBe("<p>Body <b>one</b></p>");
  });

  it("reads Atom 1.0 xhtml and html titles as clean text, in document order, and leaves type=text alone", async () => {
    const feed = await parseFeed(atom10, BASE);
    expect(feed.title).toBe("The Bold Times");
    expect(feed.items.map((i) => i.title)).toEqual([
      "A first look at x < y",
      "Storms hit the coast",
      "Why <div> is not a title tag",
    ]);
  });
});

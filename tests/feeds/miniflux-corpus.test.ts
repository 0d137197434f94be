// Miniflux's encoding, parser and XML decoder cases (../shared/corpora/feeds/miniflux/*/testdata), with the
// expected values of Miniflux's own Go tests (encoding_test.go, parser_test.go, xml/decoder_test.go), run through
// Parallax's decoder and feed parser as the poller runs them: bytes + Content-Type → decodeText → parseFeed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFeed } from "@/lib/feeds/parse";
import { decodeText } from "@/lib/net/charset";
import { sharedPath } from "@/tests/support/shared";

const file = (dir: string, name: string) =>
  readFileSync(path.join(sharedPath("corpora/feeds/miniflux", dir, "testdata"), name));
const parse = (body: Uint8Array, contentType: string) =>
  parseFeed(decodeText(body, contentType), "https://example.org/");

let checked = 0;

describe("Miniflux's parser cases (TestDifferentEncodingWithResponse)", () => {
  it.each([
    [
      "urdu_UTF8.xml",
      "text/xml; charset=utf-8",
      0,
      "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی",
    ],
    ["encoding_WINDOWS-1251.xml", "text/xml", 0, "Цитата #17703"],
    [
      "no_encoding_ISO-8859-1.xml",
      "application/xml; charset=ISO-8859-1",
      2,
      "La criminalité liée surtout à... l'ennui ?",
    ],
    [
      "encoding_ISO-8859-1.xml",
      "application/rss+xml; charset=ISO-8859-1",
      5,
      "Projekt Jedi: Microsoft will weiter mit US-Militär zusammenarbeiten",
    ],
    ["rdf_UTF8.xml", "application/rss+xml; charset=utf-8", 1, "Mega-Deal: IBM übernimmt Red Hat"],
    ["rdf_UTF8.xml", "application/rss+xml", 1, "Mega-Deal: IBM übernimmt Red Hat"],
  ])("%s served as %s: entry %i is titled %s", async (name, contentType, index, title) => {
    const feed = await parse(file("parser", name), contentType);
    expect(feed.items[index]?.title).toBe(title);
    checked++;
  });
});

describe("Miniflux's XML decoder cases", () => {
  it("reads the KOI8-R feed: channel, both items and their text", async () => {
    const feed = await parse(file("xml", "koi8r.xml"), "application/rss+xml");
    expect(feed.title).toBe("Пример RSS ленты");
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0].title).toBe("Первая новость");
    expect(feed.items[0].summary).toContain("Привет мир! Ёжик, чай, Москва, Санкт-Петербург.");
    expect(feed.items[1].summary).toContain("Проверка специальных символов");
    checked++;
  });

  it("decodes an ISO-8859-1 document by its declaration", () => {
    const text = decodeText(file("xml", "iso88591.xml"), "text/xml");
    expect(text).toContain("<to>Anaïs</to>");
    expect(text).toContain("<from>Jürgen</from>");
    checked++;
  });

  // Miniflux strips the bytes that are not UTF-8 ("Anas"); Parallax keeps a visible U+FFFD in their place, so a
  // reader sees that something was there rather than a silently changed name.
  it("marks, not drops, the bytes of an ISO-8859-1 document that claims UTF-8", () => {
    const text = decodeText(file("xml", "iso88591_utf8_mismatch.xml"), "text/xml");
    expect(text).toContain("<to>Ana\ufffds</to>");
    checked++;
  });

  // TestXMLDocumentWithIllegalUnicodeCharacters and its siblings: a bare "&" and a control character in a title,
  // under a UTF-8, a wrong (windows-1251) and an unknown declaration; the bytes are UTF-8 in every case.
  it.each(["UTF-8", "windows-1251", "invalid"])(
    "reads a title with a bare & and a control character under encoding=%s",
    async (encoding) => {
      const xml = `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Title & 中文\u0010标题</title><link>https://example.org/</link></channel></rss>`;
      const feed = await parse(new TextEncoder().encode(xml), "application/rss+xml");
      expect(feed.title).toBe("Title & 中文标题");
      checked++;
    },
  );
});

describe("Miniflux's encoding cases", () => {
  it.each([
    ["utf8.xml", "", "Café"],
    ["iso-8859-1.xml", "text/html; charset=ISO-8859-1", "Café"],
    ["iso-8859-1.xml", "", "Café"],
    ["windows-1252.xml", "", "Euro €"],
    ["invalid-prolog.xml", "", "Café"],
    ["utf8-incorrect-prolog.xml", "", "Café"],
    ["windows-1252-incorrect-prolog.xml", "", "Euro €"],
    ["utf8.html", "text/html; charset=UTF-8", "Café"],
    ["utf8.html", "text/html", "Café"],
    ["iso-8859-1-meta-after-1024.html", "text/html", "Café"],
    ["utf8-meta-after-1024.html", "text/html", "Café"],
  ])("%s served as %j contains %s", (name, contentType, expected) => {
    expect(decodeText(file("encoding", name), contentType || null)).toContain(expected);
    checked++;
  });

  it("prints how many cases matched", () => {
    console.log(`Miniflux corpus: ${checked} cases matched`);
    expect(checked).toBe(23);
  });
});

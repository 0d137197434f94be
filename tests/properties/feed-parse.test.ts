// parseFeed on hostile documents: a ParsedFeed whose items are well formed, or a FeedParseError (too-large,
// entity-declaration, malformed, unknown-format); never a TypeError from inside the XML parser, never a hang.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "@/lib/feeds/parse";
import { assertProperty, expectBoundedOutcome, heapMeter, outcomeTally, preview } from "./bounded-case";
import { deeplyNested, encodingDeclarations, entityStorm, hostileUrl, markupSoup, randomText } from "./hostile-inputs";
import { parsedFeedSchema } from "./schemas";

const BASE = "https://news.example/feed.xml";
const refusals = { classes: [FeedParseError] };

const DATES = [
  "Thu, 01 Jan 1970 00:00:00 GMT",
  "2100-01-01T00:00:00Z",
  "not a date",
  "",
  "9999999999999",
  "-000001-01-01T00:00:00Z",
  "Mon, 31 Feb 2025 25:61:61 +9999",
  "2025-03-04T10:15:00+02:00",
];

const item = fc.record({
  title: fc.oneof(
    fc.string({ maxLength: 60 }),
    entityStorm.map((s) => s.slice(0, 5000)),
  ),
  link: hostileUrl,
  guid: fc.oneof(fc.constant("same-guid"), fc.string({ maxLength: 30 })),
  date: fc.constantFrom(...DATES),
  body: fc.oneof(
    markupSoup,
    entityStorm.map((s) => s.slice(0, 20_000)),
  ),
  cdata: fc.boolean(),
});

const text = (value: string, cdata: boolean) =>
  cdata ? `<![CDATA[${value.replaceAll("]]>", "")}]]>` : value.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"));

/** RSS, Atom and JSON Feed documents with hostile items, prologs that declare odd encodings, and BOMs. */
const structuredFeed = fc
  .record({
    format: fc.constantFrom("rss", "atom", "json"),
    enc: encodingDeclarations,
    items: fc.array(item, { maxLength: 12 }),
    raw: fc.boolean(),
  })
  .map(({ format, enc, items, raw }) => {
    if (format === "json") {
      return JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: enc.first,
        items: items.map((i) => ({
          id: i.guid,
          url: i.link,
          title: i.title,
          date_published: i.date,
          content_html: i.body,
        })),
      });
    }
    const esc = (v: string, c: boolean) => (raw ? v : text(v, c));
    const prolog = `${enc.bom}<?xml version="1.0" encoding="${enc.first}"?>`;
    if (format === "atom") {
      const entries = items.map(
        (i) =>
          `<entry><id>${esc(i.guid, false)}</id><title type="html">${esc(i.title, i.cdata)}</title><link href="${i.link
            .replace(/"/g, "&quot;")
            .replace(/&(?!quot;)/g, "&amp;")
            .replace(
              /</g,
              "&lt;",
            )}"/><updated>${i.date}</updated><content type="html">${esc(i.body, i.cdata)}</content></entry>`,
      );
      return `${prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>${enc.second}</title>${entries.join("")}</feed>`;
    }
    const entries = items.map(
      (i) =>
        `<item><title>${esc(i.title, i.cdata)}</title><link>${esc(i.link, false)}</link><guid>${esc(i.guid, false)}</guid><pubDate>${i.date}</pubDate><description>${esc(i.body, i.cdata)}</description></item>`,
    );
    return `${prolog}<rss version="2.0"><channel><title>${enc.second}</title><ttl>${enc.header ?? ""}</ttl>${entries.join("")}</channel></rss>`;
  });

/** Prefixes that route a random body into each parser branch. */
const routedNoise = fc
  .record({
    prefix: fc.constantFrom("<rss>", "<feed>", "<?xml version='1.0'?>", "{", "<rdf:RDF>", "\uFEFF<", "<!DOCTYPE rss>"),
    body: fc.oneof(randomText, markupSoup, deeplyNested),
  })
  .map(({ prefix, body }) => prefix + body);

async function check(document: string) {
  return expectBoundedOutcome(
    () => parseFeed(document, BASE),
    parsedFeedSchema,
    refusals,
    () => preview(document),
  );
}

describe("parseFeed properties", () => {
  it("parses or refuses with a FeedParseError any feed-shaped document, in bounded time and memory", async () => {
    const heap = heapMeter();
    const tally = outcomeTally("feed parse");
    await assertProperty(
      fc.asyncProperty(fc.oneof(structuredFeed, routedNoise, randomText), async (document) => {
        tally.add(await check(document));
      }),
      { numRuns: 400 },
    );
    expect(tally.print().result).toBeGreaterThan(0);
    expect(heap.growthMb()).toBeLessThan(512);
  });
});

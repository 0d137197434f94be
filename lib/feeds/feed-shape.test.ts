// Well-formed XML that lacks a part the builders expect is refused with what is missing, never a TypeError.
import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "./parse";

const BASE = "https://news.example/feed.xml";

async function refusal(xml: string): Promise<FeedParseError> {
  const err = await parseFeed(xml, BASE).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FeedParseError);
  return err as FeedParseError;
}

describe("feed shape", () => {
  it.each([
    [
      "RSS 2.0 without a channel",
      '<?xml version="1.0"?><rss version="2.0"><title>x</title></rss>',
      "<rss> has no <channel>",
    ],
    ["an empty RSS 0.91", '<rss version="0.91"></rss>', "<rss> has no <channel>"],
    [
      "RDF without a channel",
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><link>https://x.example/</link></item></rdf:RDF>',
      "<rdf:RDF> has no <channel>",
    ],
  ])("refuses %s as malformed XML, naming what is missing", async (_name, xml, what) => {
    const err = await refusal(xml);
    expect(err.reason).toBe("malformed");
    expect(err.message).toBe(`Malformed XML: ${what} element`);
    expect(err.message).not.toMatch(/Cannot read|undefined/);
  });

  it("ignores Atom links without attributes instead of failing the feed or the entry", async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link/><link href="https://site.example/"/>
        <entry><title>One</title><link>text only</link><link href="https://site.example/1"/><id>1</id></entry></feed>`,
      BASE,
    );
    expect(feed.link).toBe("https://site.example/");
    expect(feed.items.map((i) => i.url)).toEqual(["https://site.example/1"]);
    expect(feed.skipped).toEqual([]);
  });

  it("still reports the XML parser's own error with its position", async () => {
    const err = await refusal('<rss version="2.0"><channel><title>x</channel></rss>');
    expect(err.message).toMatch(/^Malformed XML: Unexpected close tag/);
  });
});

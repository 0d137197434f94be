// parseFeed: RSS 0.9x/1.0/2.0 and Atom through rss-parser, JSON Feed by hand, one output shape for all.
import Parser from "rss-parser";
import { atomContent, atomTitleText, titlesInOrder } from "./atom-text";
import { assertRdfShape, assertRssShape, dropAttributelessLinks } from "./feed-shape";
import { parseJsonFeed } from "./json-feed";
import { normaliseItem, type RawItem, resolveUrl } from "./normalise-item";
import { FeedParseError, type ParsedFeed } from "./types";
import { assertSafeXml } from "./xml-guard";
import { repairXml, stripIllegalXmlChars } from "./xml-repair";

export { FeedParseError } from "./types";
export type { FeedItem, ParsedFeed, SkippedItem } from "./types";

/** Characters; matches safeFetch's default byte limit. */
export const MAX_FEED_CHARS = 10 * 1024 * 1024;

const FAILED = "__parallaxItemError";
/** The entry's title, content and summary elements as xml2js gave them, for atom-text.ts to read by their type. */
const RAW = "__parallaxRawAtom";

type Hook = (...args: unknown[]) => Record<string, unknown>;
type Hooks = {
  parseItemAtom: Hook;
  parseItemRss: Hook;
  buildAtomFeed: Hook;
  buildRSS0_9: Hook;
  buildRSS1: Hook;
  buildRSS2: Hook;
};

/**
 * rss-parser throws for the whole feed when one Atom entry has an unparseable date (new Date(x).toISOString()).
 * This subclass turns an item-level throw into a marked item, so that one bad entry is skipped, not the feed.
 * It also remembers whether the document was Atom, and checks the document's shape before each builder reads it
 * (feed-shape.ts), so that a missing <channel> is reported as such rather than as a TypeError.
 */
class TolerantParser extends Parser {
  format: "rss" | "atom" = "rss";
}
{
  const base = Parser.prototype as unknown as Hooks;
  const proto = TolerantParser.prototype as unknown as Hooks;
  for (const name of ["parseItemAtom", "parseItemRss"] as const) {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      try {
        const item = base[name].apply(this, args);
        if (name === "parseItemAtom") {
          const entry = args[0] as Record<string, unknown[] | undefined>;
          item[RAW] = { title: entry.title?.[0], content: entry.content?.[0], summary: entry.summary?.[0] };
        }
        return item;
      } catch (err) {
        return { [FAILED]: (err as Error).message };
      }
    };
  }
  proto.buildAtomFeed = function (this: TolerantParser, ...args: unknown[]) {
    this.format = "atom";
    const doc = args[0] as Record<string, unknown>;
    dropAttributelessLinks(doc);
    const feed = base.buildAtomFeed.apply(this, args);
    feed[RAW] = { title: (doc.feed as Record<string, unknown[] | undefined>).title?.[0] };
    return feed;
  };
  for (const name of ["buildRSS0_9", "buildRSS2"] as const) {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      assertRssShape(args[0] as Record<string, unknown>);
      return base[name].apply(this, args);
    };
  }
  proto.buildRSS1 = function (this: unknown, ...args: unknown[]) {
    assertRdfShape(args[0] as Record<string, unknown>);
    return base.buildRSS1.apply(this, args);
  };
}

function newParser() {
  // defaultRSS: a bare <rss> without version is read as RSS 2.
  return new TolerantParser({ defaultRSS: 2 });
}

export interface ParseFeedOptions {
  maxChars?: number;
}

export async function parseFeed(document: string, baseUrl: string, opts: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const maxChars = opts.maxChars ?? MAX_FEED_CHARS;
  if (document.length > maxChars) {
    throw new FeedParseError("too-large", `Feed is ${document.length} characters, over the ${maxChars} limit`);
  }
  const text = document.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{")) return withoutDuplicates(parseJsonFeed(text, baseUrl));
  if (!text.startsWith("<")) throw new FeedParseError("unknown-format", "Neither XML nor JSON");
  assertSafeXml(text);
  return withoutDuplicates(await parseXmlFeed(stripIllegalXmlChars(text), baseUrl));
}

/** Feeds sometimes list an item twice (same guid or same link); the consumer should see it once. */
function withoutDuplicates(feed: ParsedFeed): ParsedFeed {
  const guids = new Set<string>();
  const urls = new Set<string>();
  const items = [];
  for (const item of feed.items) {
    if (guids.has(item.guid) || urls.has(item.url)) {
      feed.skipped.push({ reason: "duplicate of an earlier item", ref: item.url });
      continue;
    }
    guids.add(item.guid);
    urls.add(item.url);
    items.push(item);
  }
  return { ...feed, items };
}

type RssOutput = Awaited<ReturnType<Parser["parseString"]>>;

async function parseXmlFeed(xml: string, baseUrl: string): Promise<ParsedFeed> {
  const first = newParser();
  let parser = first;
  let raw: RssOutput;
  try {
    raw = await parser.parseString(xml);
  } catch (first) {
    // A shape error names what is missing; repairing entities would not add it.
    if (first instanceof FeedParseError) throw first;
    if (isUnknownFormat(first)) throw unknownFormat(first);
    const repaired = repairXml(xml);
    if (repaired === xml) throw malformed(first);
    parser = newParser();
    try {
      raw = await parser.parseString(repaired);
    } catch (second) {
      if (second instanceof FeedParseError) throw second;
      throw isUnknownFormat(second) ? unknownFormat(second) : malformed(first);
    }
  }

  // Titles whose text is markup are read again in document order, once, only when a feed has one.
  let ordered: ReturnType<typeof titlesInOrder> | undefined;
  const inOrder = () => (ordered ??= titlesInOrder(parser === first ? xml : repairXml(xml)));
  const rawFeed = (raw as Record<string, unknown>)[RAW] as { title?: unknown } | undefined;
  const feedTitle = rawFeed ? atomTitleText(rawFeed.title, () => inOrder().feed) : raw.title;

  const out: ParsedFeed = {
    format: parser.format,
    title: str(feedTitle),
    link: resolveUrl(str(raw.link), baseUrl),
    items: [],
    skipped: [],
  };
  const ttl = Number.parseInt(String(raw.ttl ?? ""), 10);
  if (Number.isFinite(ttl) && ttl > 0) out.ttlMinutes = ttl;
  const skipHours = parseSkipHours(raw.skipHours);
  if (skipHours.length) out.skipHours = skipHours;

  for (const [index, item] of (raw.items as Record<string, unknown>[]).entries()) {
    if (typeof item[FAILED] === "string") {
      out.skipped.push({ reason: `unreadable item: ${item[FAILED]}` });
      continue;
    }
    if (parser.format === "atom") readAtomText(item, () => inOrder().entries[index] ?? null);
    const result = normaliseItem(toRawItem(item, parser.format), baseUrl);
    if (result.ok) out.items.push(result.item);
    else out.skipped.push({ reason: result.reason, ref: result.ref });
  }
  return out;
}

/** Replaces rss-parser's title, content and summary of an Atom entry with what their type and mode say. */
function readAtomText(item: Record<string, unknown>, titleInOrder: () => string | null): void {
  const raw = item[RAW] as { title?: unknown; content?: unknown; summary?: unknown } | undefined;
  if (!raw) return;
  item.title = atomTitleText(raw.title, titleInOrder) ?? undefined;
  item.content = atomContent(raw.content, item.content);
  item.summary = atomContent(raw.summary, item.summary);
}

function toRawItem(item: Record<string, unknown>, format: "rss" | "atom"): RawItem {
  const common = {
    link: item.link,
    title: item.title,
    date: item.isoDate ?? item.pubDate,
    author: item.creator ?? item.author,
  };
  if (format === "atom") {
    return { ...common, guid: item.id, contentHtml: item.content ?? item.summary, summary: item.summary };
  }
  // RSS: description is the teaser; content:encoded, when present, is the full body.
  return {
    ...common,
    guid: item.guid ?? item["rdf:about"],
    contentHtml: item["content:encoded"] ?? item.content,
    summary: item.content,
  };
}

/** <skipHours><hour>0</hour>…</skipHours> arrives from xml2js as { hour: ["0", …] }. */
function parseSkipHours(v: unknown): number[] {
  const hours = (v as { hour?: unknown } | undefined)?.hour;
  const list = Array.isArray(hours) ? hours : hours === undefined ? [] : [hours];
  const out = new Set<number>();
  for (const h of list) {
    const n = Number.parseInt(String(h), 10);
    // RSS says 0-23; some publishers write 24 for midnight.
    if (n >= 0 && n <= 24) out.add(n % 24);
  }
  return [...out].sort((a, b) => a - b);
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function isUnknownFormat(err: unknown): boolean {
  return /not recognized as RSS|default RSS version/i.test((err as Error)?.message ?? "");
}

function unknownFormat(err: unknown): FeedParseError {
  return new FeedParseError("unknown-format", "Document is XML but not RSS, RDF or Atom", err);
}

function malformed(err: unknown): FeedParseError {
  // Anything but the XML parser's own error is a fault of ours reading an unexpected tree, not the feed's syntax:
  // its message ("Cannot read properties of undefined") would tell the operator nothing.
  if (!(err instanceof Error) || err.name !== "Error") {
    return new FeedParseError("malformed", "Malformed XML: the feed's structure could not be read", err);
  }
  const msg = ((err as Error)?.message ?? String(err)).split("\n").slice(0, 3).join(" ");
  return new FeedParseError("malformed", `Malformed XML: ${msg}`, err);
}

// rss-parser's own real-world feeds and the output it expects (../shared/corpora/feeds/rss-parser: input/NAME.ext
// pairs with output/NAME.json, {feed: {title, link, items: [{title, link, isoDate, creator | author, ...}]}}).
// Every input goes through Parallax's parser (bytes decoded as the poller does) and the fields Parallax keeps are
// compared. Where Parallax rightly differs from rss-parser, the rule is written out below with its reason.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "@/lib/feeds/parse";
import { decodeText } from "@/lib/net/charset";
import { sharedPath } from "@/tests/support/shared";

const BASE = "http://feeds.example/feed.xml";

interface ExpectedItem {
  title?: string;
  link?: string;
  guid?: string;
  isoDate?: string;
  creator?: string;
  author?: string;
}
interface Expected {
  feed: { title?: string; link?: string; items: ExpectedItem[] };
}

// Rule 1 (encoding): rss-parser reads every file as UTF-8, so the ISO-8859-1 feeds come out with U+FFFD where an
// accented letter was; Parallax decodes by the declaration. A U+FFFD in the expectation stands for one non-ASCII
// character, or a space where that character was a no-break space (collapsed like any space).
// Rule 2 (entities): a title escaped twice ("&amp;#x0024;4300") is plain text meant as "$4300"; Parallax decodes
// the second level too, so the expectation is decoded once more before comparing.
// Rule 3 (whitespace): titles are collapsed to single spaces and trimmed.
function sameText(expected: string | undefined, actual: string | null | undefined): boolean {
  const want = collapse(decodeOnce(expected ?? ""));
  const got = collapse(actual ?? "");
  if (!want.includes("\ufffd")) return want === got;
  const pattern = want
    .split("\ufffd")
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("(?:[^\\u0000-\\u007f]| )");
  return new RegExp(`^${pattern}$`, "u").test(got);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decodeOnce(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? all;
    return String.fromCodePoint(ref[1].toLowerCase() === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}
const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

function resolve(u: string | undefined): string | null {
  if (!u?.trim()) return null;
  try {
    return new URL(u.trim(), BASE).href;
  } catch {
    return null;
  }
}

const dir = sharedPath("corpora/feeds/rss-parser");
const inputs = readdirSync(path.join(dir, "input")).sort();
const pairs = inputs.filter((f) => existsSync(path.join(dir, "output", `${path.parse(f).name}.json`)));
const unpaired = inputs.filter((f) => !pairs.includes(f));

describe("rss-parser's corpus through Parallax's parser", () => {
  it("has its inputs and outputs", () => {
    expect(pairs.length, `no input/output pairs under ${dir}`).toBeGreaterThan(20);
  });

  it("matches every feed's title, link and items' titles, links, dates and authors", async () => {
    const mismatches: string[] = [];
    let feedsMatched = 0;
    let itemsMatched = 0;
    let itemsCompared = 0;
    for (const file of pairs) {
      const expected = JSON.parse(
        readFileSync(path.join(dir, "output", `${path.parse(file).name}.json`), "utf8"),
      ) as Expected;
      const body = readFileSync(path.join(dir, "input", file));
      const before = mismatches.length;
      const miss = (what: string) => mismatches.push(`${file}: ${what}`);
      let feed: Awaited<ReturnType<typeof parseFeed>>;
      try {
        feed = await parseFeed(decodeText(body, "application/xml"), BASE);
      } catch (err) {
        miss(`refused: ${(err as Error).message}`);
        continue;
      }
      if (!sameText(expected.feed.title, feed.title ?? "")) miss(`feed title ${JSON.stringify(feed.title)}`);
      if (resolve(expected.feed.link) !== feed.link) miss(`feed link ${feed.link} ≠ ${expected.feed.link}`);

      const byUrl = new Map(feed.items.map((i) => [i.url, i]));
      for (const [n, want] of expected.feed.items.entries()) {
        // Rule 4: an item Parallax cannot fetch (no http(s) link and no permalink guid) is skipped with a reason,
        // not kept; rss-parser keeps it as an object without a link.
        const url = resolve(want.link) ?? (/^https?:\/\//.test(want.guid ?? "") ? (want.guid as string) : null);
        if (!url || !/^https?:/.test(url)) {
          if (feed.skipped.length === 0) miss(`item ${n} has no link but nothing was skipped`);
          continue;
        }
        itemsCompared++;
        const got = byUrl.get(url);
        if (!got) {
          miss(`item ${n} ${url} missing`);
          continue;
        }
        const problems: string[] = [];
        if (!sameText(want.title, got.title))
          problems.push(`title ${JSON.stringify(got.title)} ≠ ${JSON.stringify(want.title)}`);
        const date = got.publishedAt?.toISOString() ?? null;
        if ((want.isoDate ?? null) !== date) problems.push(`date ${date} ≠ ${want.isoDate}`);
        const author = want.creator ?? want.author;
        if (!sameText(author, got.author ?? ""))
          problems.push(`author ${JSON.stringify(got.author)} ≠ ${JSON.stringify(author)}`);
        if (problems.length) miss(`item ${n}: ${problems.join("; ")}`);
        else itemsMatched++;
      }
      if (mismatches.length === before) feedsMatched++;
    }
    console.log(
      `rss-parser corpus: ${feedsMatched}/${pairs.length} feeds and ${itemsMatched}/${itemsCompared} items matched`,
    );
    expect(mismatches).toEqual([]);
  });

  it("refuses the inputs rss-parser has no output for with a typed reason, or parses them", async () => {
    for (const file of unpaired) {
      const body = readFileSync(path.join(dir, "input", file));
      const result = await parseFeed(decodeText(body, "application/xml"), BASE).catch((e: unknown) => e);
      if (result instanceof Error) expect(result, file).toBeInstanceOf(FeedParseError);
    }
  });
});

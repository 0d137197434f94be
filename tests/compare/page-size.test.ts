// Issue #16: an event page rendered every member's whole text in its column (and "Compare two" aligned two whole
// texts), so an event of long articles weighed megabytes. Each column now shows its article's beginning and links
// to the reader view; the page stays under a fixed bound whatever its members' length.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { EventView } from "@/components/event-view";
import { MAX_ARTICLE_TEXT_CHARS } from "@/lib/articles/cap-article";
import { buildComparison } from "@/lib/compare/build";
import type { Comparison } from "@/lib/compare/schema";
import { COLUMN_MAX_CHARS } from "@/lib/events/column-text";
import { eventComparisonView } from "@/lib/events/loaders";
import type { EventArticle, EventDetail } from "@/lib/events/types";
import { longText } from "../support/long-text";

const MEMBERS = 10;
/** Ten whole 200,000-character articles are 2 MB of text alone; the bounded page is a fraction of that. */
const PAGE_BOUND = 1_000_000;
/**
 * One column's markup: its header, at most COLUMN_MAX_CHARS of text, the link, and (as here, where no other outlet
 * has any of a column's sentences but the first paragraph's) an "only here" mark around nearly every sentence.
 */
const COLUMN_BOUND = 3 * COLUMN_MAX_CHARS;

// A paragraph every member carries, so that the comparison has claims in common.
const shared = "The council approved the new harbour plan on Tuesday. Work on the northern quay begins in March.";

const articles: EventArticle[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: i + 1,
  title: `Harbour plan approved, report ${i + 1}`,
  byline: null,
  publishedAt: new Date(Date.UTC(2026, 0, 1, i)),
  language: "en",
  url: `https://outlet${i}.example/harbour`,
  status: "complete",
  source: { name: `Outlet ${i}`, domain: `outlet${i}.example`, country: null },
  text: `${shared}\n\n${longText(MAX_ARTICLE_TEXT_CHARS - shared.length - 2, i + 1)}`.slice(0, MAX_ARTICLE_TEXT_CHARS),
}));
const event: EventDetail = {
  id: 1,
  title: "Harbour plan approved",
  summary: null,
  firstSeenAt: articles[0].publishedAt!,
  lastSeenAt: articles.at(-1)!.publishedAt!,
  articleCount: MEMBERS,
  sourceCount: MEMBERS,
  sources: articles.map((a) => a.source!),
  articles,
};

let comparison: Comparison;
beforeAll(() => {
  comparison = buildComparison(articles);
});

const columns = (html: string) => html.split('data-testid="article-column"').slice(1);

function expectBounded(html: string) {
  expect(Buffer.byteLength(html)).toBeLessThan(PAGE_BOUND);
  const cols = columns(html);
  expect(cols).toHaveLength(MEMBERS);
  for (const [i, col] of cols.entries()) {
    // The last column runs on into the sections after the board; the link ends every column.
    const own = col.slice(0, col.indexOf("Continue reading in the reader view") + 200);
    expect(own.length).toBeLessThan(COLUMN_BOUND);
    const link = new RegExp(
      `data-testid="continue-reading">.*?<a [^>]*href="/articles/${articles[i].id}"[^>]*>Continue reading in the reader view`,
    );
    expect(link.test(own), `column ${i + 1} links to its reader view`).toBe(true);
  }
}

describe("an event page of ten 200,000-character articles", () => {
  it("stays under a fixed bound without its comparison, each column linking to the reader view", () => {
    const html = renderToStaticMarkup(createElement(EventView, { event }));
    expectBounded(html);
    // Each column starts with its article's beginning, in whole paragraphs.
    for (const a of articles) {
      const [first, second] = a.text.split("\n\n");
      expect(html.includes(`<p>${first}</p><p>${second}</p>`), `article ${a.id}'s first paragraphs`).toBe(true);
    }
  });

  it("stays under it with the comparison and a compared pair, the comparison sections intact", () => {
    const compare = eventComparisonView({ event, comparison }, { articleA: "1", articleB: "2" });
    const html = renderToStaticMarkup(createElement(EventView, { event, compare }));
    expectBounded(html);
    expect(html).toContain(`Reported by ${MEMBERS} of ${MEMBERS} outlets`);
    expect(html).toContain("[only here] ");
    expect(html).toContain("Only the first 50,000 characters of each article are aligned");
    for (const heading of ["What everyone reports", "Headlines", "Coverage", "Compare two"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
  });
});

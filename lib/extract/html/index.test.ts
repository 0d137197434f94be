import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExtractionError } from "../types";
import { extractHtml } from "./index";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "testdata", name), "utf8");

describe("extractHtml on a news page with furniture and JSON-LD in @graph", () => {
  const article = extractHtml(fixture("news-graph.html"), {
    url: "https://www.riverside-gazette.co.uk/news/2024/03/flood-defences-hold?utm_source=feed",
  });

  it("reads metadata from JSON-LD, OpenGraph and the canonical link", () => {
    expect(article.title).toBe("Flood defences hold as river peaks");
    expect(article.source).toEqual({ name: "The Riverside Gazette", domain: "riverside-gazette.co.uk" });
    expect(article.byline).toBe("Amara Okafor, Tom Reilly");
    expect(article.publishedAt?.toISOString()).toBe("2024-03-05T07:30:00.000Z");
    expect(article.language).toBe("en");
    expect(article.url).toBe("https://www.riverside-gazette.co.uk/news/2024/03/flood-defences-hold");
  });

  it("keeps the article's paragraphs, heading, quote and list, separated by blank lines", () => {
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs[0]).toMatch(/^New flood defences along the River Wend held overnight/);
    expect(paragraphs).toContain("Years of planning");
    expect(paragraphs).toContain('"This is the night we built them for," said council leader Priya Shah.');
    expect(article.text).toContain("two pumping stations that can move 4,000 litres");
    expect(paragraphs.at(-1)).toBe(
      "Forecasters expect levels to fall slowly through the rest of the week, although more rain is due on Friday.",
    );
  });

  it("drops navigation, byline, share bar, caption, ads, read-more, newsletter, tags, comments and sidebars", () => {
    for (const gone of [
      "Sport",
      "By Amara Okafor",
      "Share on",
      "Photo: Jane Doe",
      "Advertisement",
      "Read more",
      "How the new barrier",
      "morning briefing",
      "Sign up",
      "Floods",
      "Comments",
      "Well done",
      "Most read",
      "Related stories",
      "All rights reserved",
      "cookies",
      "tracking",
      "Flood defences hold as river peaks overnight",
    ]) {
      expect(article.text, gone).not.toContain(gone);
    }
  });

  it("returns sanitized HTML of the same body", () => {
    expect(article.html).toContain("<h2>Years of planning</h2>");
    expect(article.html).toContain("<blockquote><p>");
    expect(article.html).toContain("<ul><li>");
    expect(article.html).not.toMatch(/<script|<form|<input|class=|Subscribe|Advertisement/);
  });
});

describe("extractHtml on a page with OpenGraph tags only", () => {
  const article = extractHtml(fixture("og-only.html"));

  it("takes title, url, date, author and language from OpenGraph and meta tags", () => {
    expect(article.title).toBe("Harbour ferry returns after repairs");
    expect(article.url).toBe("https://coastline-daily.example.com/local/harbour-ferry-returns");
    expect(article.source).toEqual({ name: "example.com", domain: "example.com" });
    expect(article.publishedAt?.toISOString()).toBe("2023-11-20T17:45:00.000Z");
    expect(article.byline).toBe("Lucas Pereira");
    expect(article.language).toBe("pt");
  });

  it("extracts the three paragraphs and nothing from menu, sidebar or footer", () => {
    expect(article.text.split("\n\n")).toHaveLength(3);
    expect(article.text).toMatch(/^The harbour ferry resumed/);
    expect(article.text).not.toMatch(/Home|Popular|Market reopens|since 1921/);
  });
});

describe("extractHtml on a German page", () => {
  const article = extractHtml(fixture("german.html"));

  it("reads language, outlet and an article type given as an array", () => {
    expect(article.language).toBe("de");
    expect(article.source).toEqual({ name: "Stadtanzeiger Nord", domain: "stadtanzeiger-nord.de" });
    expect(article.byline).toBe("Katrin Vogel");
    expect(article.title).toBe("Neue Straßenbahnlinie eröffnet");
    expect(article.publishedAt?.toISOString()).toBe("2024-06-01T08:15:00.000Z");
  });

  it("drops German-named share bar, ads, 'Lesen Sie auch' and comments", () => {
    expect(article.text.split("\n\n")).toHaveLength(3);
    expect(article.text).toContain("„Das ist ein großer Tag für den ganzen Westen der Stadt“");
    expect(article.text).not.toMatch(/teilen|Anzeige|Lesen Sie auch|Busnetz|Endlich/);
  });
});

describe("extractHtml without an article", () => {
  it("throws ExtractionError with the reason for a page of teasers", () => {
    expect(() => extractHtml(fixture("no-article.html"))).toThrow(ExtractionError);
    expect(() => extractHtml(fixture("no-article.html"))).toThrow(/no article text/);
  });

  it("throws ExtractionError, not a stack overflow, for absurdly nested markup", () => {
    const html = `<body>${"<div>".repeat(10_000)}<p>${"deep text ".repeat(20)}</p></body>`;
    expect(() => extractHtml(html)).toThrow(ExtractionError);
    expect(() => extractHtml(html)).toThrow(/nested more than/);
  });

  it("refuses deeply nested markup before parsing it, in linear time", () => {
    // htmlparser2's stack is quadratic in the depth: 150,000 unclosed <b> (450 KB) took ~40 s to parse before
    // the nesting limit could refuse it. 2 s is a generous bound for the linear pre-scan (milliseconds).
    const html = `<body>${"<b>".repeat(150_000)}<p>${"deep text ".repeat(20)}</p></body>`;
    const started = performance.now();
    expect(() => extractHtml(html)).toThrow(/nested more than/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("does not count elements that close themselves or hold text as nesting", () => {
    const paragraphs = "<p>An unclosed paragraph of the article, as old pages write them.".repeat(5000);
    const script = `<script>var s = "${"<div>".repeat(5000)}";</script>`;
    const comment = `<!-- ${"<section>".repeat(5000)} -->`;
    const article = extractHtml(`<html><body>${script}${comment}<article>${paragraphs}</article></body></html>`);
    expect(article.text).toMatch(/^An unclosed paragraph/);
  });

  it("drops thousands of empty paragraphs in linear time", () => {
    // Found by tests/properties/html-extract.test.ts: each removal searched and spliced its parent's children, so
    // 30,000 empty <p> (90 KB) took 3-6 s. 2 s is a generous bound for milliseconds.
    const html = `<html><body><article>${"<p>".repeat(30_000)}<p>${"Real text of the article. ".repeat(10)}</p></article></body></html>`;
    const started = performance.now();
    expect(extractHtml(html).text).toMatch(/^Real text of the article/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("throws for an empty document", () => {
    expect(() => extractHtml("")).toThrow(ExtractionError);
  });

  it("falls back to the JSON-LD articleBody of a script-rendered page", () => {
    const body = "The full story, rendered by script in the browser. ".repeat(5).trim();
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      "@type": "NewsArticle",
      headline: "Rendered later",
      articleBody: body,
    })}</script></head><body><div id="app"></div></body></html>`;
    const article = extractHtml(html, { url: "https://news.example.org/a" });
    expect(article.text).toBe(body);
    expect(article.title).toBe("Rendered later");
    expect(article.html).toBe(`<p>${body}</p>`);
  });
});

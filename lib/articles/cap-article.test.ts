import { describe, expect, it } from "vitest";
import type { ExtractedArticle } from "@/lib/extract/types";
import { capArticle, MAX_ARTICLE_TEXT_CHARS, MAX_TITLE_CHARS } from "./cap-article";

const article = (over: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
  title: "Envoys meet in Moscow",
  source: null,
  byline: "A. Reporter",
  publishedAt: null,
  language: "en",
  url: "https://news.example/a",
  text: "First paragraph.\n\nSecond paragraph.",
  html: "<p>First paragraph.</p><p>Second paragraph.</p>",
  ...over,
});

describe("capArticle", () => {
  it("leaves an ordinary article as it is", () => {
    const given = article();
    expect(capArticle(given)).toEqual({ article: given, cut: false });
  });

  it("cuts a title or byline that holds a whole page's text at a word, marked with an ellipsis", () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `word${i}`).join(" ");
    const { article: stored, cut } = capArticle(article({ title: words, byline: words }));
    expect(cut).toBe(true);
    for (const label of [stored.title, stored.byline ?? ""]) {
      expect(label.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      expect(label.endsWith("…")).toBe(true);
      expect(words.startsWith(label.slice(0, -1))).toBe(true);
      expect(label.slice(0, -1)).toMatch(/word\d+$/);
    }
    expect(stored.text).toBe(article().text);
  });

  it("cuts an over-long text at a paragraph and says so, and a capped article fits again", () => {
    const paragraph = "A sentence of the long read. ".repeat(40).trim();
    const text = Array.from({ length: 400 }, () => paragraph).join("\n\n");
    const html = text
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("");
    const { article: stored, cut } = capArticle(article({ text, html }));
    expect(cut).toBe(true);
    expect(stored.text.length).toBeLessThanOrEqual(MAX_ARTICLE_TEXT_CHARS);
    expect(stored.text).toMatch(/\[Article cut: .*\]$/);
    expect(capArticle(stored)).toEqual({ article: stored, cut: false });
  });
});

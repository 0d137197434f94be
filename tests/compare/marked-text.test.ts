// The column body and headline markup after joining runs of text: every word still there, in order, and only
// the claims (or headline words) no other outlet has marked.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompareHeadlines } from "@/components/compare-headlines";
import { CompareMarkedText } from "@/components/compare-marked-text";
import { buildComparison } from "@/lib/compare/build";
import type { ComparedArticle } from "@/lib/compare/schema";

const sentence = (index: number, paragraph: number, text: string, unique: boolean) => ({
  index,
  paragraph,
  text,
  groupId: unique ? null : "g",
  unique,
});

describe("CompareMarkedText", () => {
  it("joins shared sentences into one text and marks each claim only here", () => {
    const compared: ComparedArticle = {
      id: 1,
      outletKey: "source:a.example",
      title: "T",
      publishedAt: null,
      sentences: [
        sentence(0, 0, "One.", false),
        sentence(1, 0, "Two.", false),
        sentence(2, 0, "Only A.", true),
        sentence(3, 0, "Only B.", true),
        sentence(4, 0, "Three.", false),
        sentence(5, 1, "Four.", false),
      ],
    };
    const html = renderToStaticMarkup(createElement(CompareMarkedText, { compared }));
    const mark = (t: string) =>
      `<mark class="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50" title="Only this outlet reported this"><span class="sr-only">[only here] </span>${t}</mark>`;
    expect(html).toBe(
      `<div class="space-y-4 font-serif leading-relaxed"><p>One. Two. ${mark("Only A.")} ${mark("Only B.")} Three.</p><p>Four.</p></div>`,
    );
  });
});

describe("CompareHeadlines", () => {
  it("keeps every headline's text whole and marks its distinct words", () => {
    const source = (name: string) => ({ name, domain: `${name.toLowerCase()}.example`, country: null });
    const c = buildComparison([
      {
        id: 1,
        title: "Envoy meets president in Moscow",
        text: "x",
        publishedAt: null,
        byline: null,
        source: source("A"),
      },
      {
        id: 2,
        title: "President meets envoy for three hours",
        text: "y",
        publishedAt: null,
        byline: null,
        source: source("B"),
      },
    ]);
    const html = renderToStaticMarkup(createElement(CompareHeadlines, { comparison: c, order: [1, 2] }));
    const text = (id: number) =>
      html
        .split(`href="#article-${id}"`)[1]
        .split("</a>")[0]
        .replace(/<[^>]+>/g, "")
        .replace(/^[^>]*>/, "");
    expect(text(1)).toBe("Envoy meets president in Moscow");
    expect(text(2)).toBe("President meets envoy for three hours");
    expect(html).toContain('<mark class="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50">Moscow</mark>');
    expect(html).not.toMatch(/<mark[^>]*>[^<]*(Envoy|envoy|meets)/);
  });
});

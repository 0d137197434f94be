import { describe, expect, it } from "vitest";
import {
  COLUMN_MAX_CHARS,
  COLUMN_MAX_WORDS,
  MAX_SNIPPET_CHARS,
  clipDiff,
  clipSnippet,
  columnParagraphs,
  columnSentences,
} from "./column-text";
import { paragraphs } from "./format";

// Short words, so that the word bound, not the character bound, is the one reached.
const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${(from + i) % 10}`).join(" ");

describe("columnParagraphs", () => {
  it("shows a text within the bound whole, as paragraphs() splits it", () => {
    const text = "First line\ncontinues.\n\n  \n\nSecond paragraph.\n\n\nThird.";
    expect(columnParagraphs(text)).toEqual({ paragraphs: paragraphs(text), cut: false });
    expect(columnParagraphs("")).toEqual({ paragraphs: [], cut: false });
  });

  it("stops after the last whole paragraph within the word bound", () => {
    const paras = Array.from({ length: 30 }, (_, i) => `${words(99, i * 100)}.`);
    const { paragraphs: shown, cut } = columnParagraphs(paras.join("\n\n"));
    expect(cut).toBe(true);
    expect(shown).toEqual(paras.slice(0, Math.floor(COLUMN_MAX_WORDS / 99)));
  });

  it("stops within the character bound in a script without spaces", () => {
    const paras = Array.from({ length: 40 }, (_, i) => `${"漢".repeat(999)}${i % 10}`);
    const { paragraphs: shown, cut } = columnParagraphs(paras.join("\n\n"));
    expect(cut).toBe(true);
    expect(shown).toEqual(paras.slice(0, Math.floor((COLUMN_MAX_CHARS + 1) / 1001)));
  });

  it("cuts a first paragraph longer than the bound at a sentence", () => {
    const sentence = `${words(19)}.`;
    const text = Array.from({ length: 400 }, () => sentence).join(" ");
    const { paragraphs: shown, cut } = columnParagraphs(`${text}\n\nMore.`);
    expect(cut).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0].endsWith(".")).toBe(true);
    expect(text.startsWith(shown[0])).toBe(true);
    expect(shown[0].split(" ").length).toBeLessThanOrEqual(COLUMN_MAX_WORDS);
    expect(shown[0].split(" ").length).toBeGreaterThan(COLUMN_MAX_WORDS * 0.8);
  });
});

describe("columnSentences", () => {
  const s = (index: number, paragraph: number, text: string) => ({ index, paragraph, text });

  it("keeps every sentence of a text within the bound", () => {
    const sentences = [s(0, 0, "One."), s(1, 0, "Two."), s(2, 1, "Three.")];
    expect(columnSentences(sentences)).toEqual({ sentences, cut: false });
  });

  it("keeps whole paragraphs while they fit", () => {
    const sentences = Array.from({ length: 300 }, (_, i) => s(i, Math.floor(i / 5), `${words(9, i * 10)}.`));
    const { sentences: shown, cut } = columnSentences(sentences);
    expect(cut).toBe(true);
    expect(shown).toEqual(sentences.slice(0, Math.floor(COLUMN_MAX_WORDS / 45) * 5));
  });

  it("keeps the sentences that fit of a first paragraph too long, and cuts a first sentence too long", () => {
    const long = Array.from({ length: 300 }, (_, i) => s(i, 0, `${words(19, i * 20)}.`));
    const shown = columnSentences(long);
    expect(shown).toEqual({ sentences: long.slice(0, Math.floor(COLUMN_MAX_WORDS / 19)), cut: true });
    const [one] = columnSentences([s(0, 0, "x".repeat(COLUMN_MAX_CHARS * 3)), s(1, 1, "Next.")]).sentences;
    expect(one.text.length).toBe(COLUMN_MAX_CHARS);
  });
});

describe("snippets", () => {
  it("leaves a sentence of normal length alone and ends a longer one with an ellipsis within the bound", () => {
    expect(clipSnippet("A short sentence.")).toBe("A short sentence.");
    const clipped = clipSnippet(words(1000));
    expect(clipped.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS);
    expect(clipped).toMatch(/w\d…$/);
  });

  it("cuts a word diff to the same bound, keeping its parts in order", () => {
    const parts = [
      { op: "same" as const, text: "He said " },
      { op: "ins" as const, text: words(1000) },
      { op: "same" as const, text: " end." },
    ];
    const clipped = clipDiff(parts);
    expect(clipped.map((p) => p.op)).toEqual(["same", "ins"]);
    expect(clipped.map((p) => p.text).join("").length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS);
    expect(clipped[1].text.endsWith("…")).toBe(true);
    expect(clipDiff(parts.slice(0, 1))).toEqual(parts.slice(0, 1));
  });
});

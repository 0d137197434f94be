// Issue #16: a long hard-wrapped page froze the server (the line joiner was quadratic: 200k lines took over
// 200 s). Every step must be linear or bounded; the bounds here are generous, the old code blew them by far.
import { describe, expect, it } from "vitest";
import { extractTextDump } from "./index";

const GENEROUS_MS = 20_000;

// Distinct words per paragraph, so the deduplicator has no repeats to collapse: "ba ca da …" in base 26.
function word(n: number): string {
  let w = "";
  do {
    w = String.fromCharCode(97 + (n % 26)) + w;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `${w}x`;
}

describe("text dumps at hostile sizes", () => {
  it(
    "joins a 200,000-line hard-wrapped paragraph in bounded time",
    () => {
      const wrapped = Array.from({ length: 200_000 }, (_, i) => `words of the wrapped line ${word(i)},`);
      wrapped[0] = "Many words of the first wrapped line,";
      wrapped.push("and the last one.");
      const dump = ["A Headline About A Long Page", "", ...wrapped, "", "then a second paragraph that also ends well."];
      const article = extractTextDump(dump.join("\n"));
      // Compared as booleans: a failure message holding megabytes of text helps no one.
      const paragraphs = article.text.split("\n\n");
      expect(paragraphs).toHaveLength(2);
      expect(paragraphs[0] === wrapped.join(" ")).toBe(true);
      expect(paragraphs[1]).toBe("then a second paragraph that also ends well.");
    },
    GENEROUS_MS,
  );

  it(
    "keeps 20,000 distinct paragraphs in bounded time",
    () => {
      const paragraphs = Array.from(
        { length: 20_000 },
        (_, p) => `${Array.from({ length: 8 }, (_, w) => word(p * 8 + w)).join(" ")} ends here.`,
      );
      const article = extractTextDump(paragraphs.join("\n\n"));
      const kept = article.text.split("\n\n");
      expect(kept).toHaveLength(paragraphs.length);
      expect(kept.every((text, i) => text === paragraphs[i])).toBe(true);
    },
    GENEROUS_MS,
  );

  it(
    "reads a line ending in a 100,000-character run of digits and dashes in bounded time",
    () => {
      const runs = ["1 ".repeat(50_000), "- ".repeat(50_000)].map((run) => `${run}x`);
      const body = "This sentence is the body of the article and is long enough to count as prose here.";
      const article = extractTextDump(["A Headline About A Long Page", ...runs, body].join("\n"));
      expect(article.text.endsWith(`\n\n${body}`)).toBe(true);
    },
    GENEROUS_MS,
  );
});

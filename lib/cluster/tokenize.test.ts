import { describe, expect, it } from "vitest";
import { termId } from "./term-ids";
import { normaliseWord, termIdsUpTo, tokenize, tokenizeUpTo } from "./tokenize";

// The word rule the char-code scanner implements, as the regex it replaced.
const wordPattern = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
const byRegex = (text: string) =>
  [...text.toLowerCase().matchAll(wordPattern)].map((m) => normaliseWord(m[0])).filter((t) => t !== null);

describe("tokenize", () => {
  it("splits words exactly as the Unicode word rule does", () => {
    const samples = [
      "Cœur d'Alène, 2019—snake_case! Київ 1,200.5 people's O’Brien don't 3.5. e\u0301te",
      "a1b2 ,5, 12,345,678 l'été ñ\u0303 'quoted' ’tis it’s x' 1.2.3 4,,5 \u{1D400}bc 𝟘𝟙 \uD800 lone",
      "北京 和 東京 ٣٤٥ numbers १२३ and Ⅻ ½ ²",
    ];
    for (const s of samples) expect(tokenize(s)).toEqual(byRegex(s));
    expect(tokenize("Witkoff met Putin in 2025, 3 hours")).toEqual(["witkoff", "met", "putin", "#2025", "hour"]);
  });

  it("stops after the requested number of terms and says where", () => {
    const text = "Floods hit the north. Rescuers arrived later that night.";
    const { terms, end } = tokenizeUpTo(text, 4);
    expect(terms).toEqual(tokenize(text).slice(0, 4));
    expect(text.slice(0, end)).toBe("Floods hit the north. Rescuers");
    expect(tokenizeUpTo(text, 100)).toEqual({ terms: tokenize(text), end: text.length });
  });

  it("gives a run of letters too long to remember its term every time, beside remembered words", () => {
    // Longer than the memo keeps, and than the 16 bits it stores a length in.
    const long = "ab".repeat(40_000);
    const text = `Harbour ${long} harbour ${long}`;
    for (let i = 0; i < 2; i++) expect(tokenize(text)).toEqual(["harbour", long, "harbour", long]);
    expect(termIdsUpTo(text, 10).ids).toEqual(tokenize(text).map(termId));
  });
});

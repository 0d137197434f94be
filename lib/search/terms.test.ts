import { describe, expect, it } from "vitest";
import { queryTerms, SNIPPET_CLOSE as C, SNIPPET_OPEN as O, snippetParts, snippetText, toFtsMatch } from "./terms";

describe("queryTerms / toFtsMatch", () => {
  it("keeps words only and quotes each one", () => {
    expect(queryTerms(`Witkoff "peace plan" NEAR(a b) *`)).toEqual(["witkoff", "peace", "plan", "near", "a", "b"]);
    expect(toFtsMatch(`AND OR`)).toBe(`"and" "or"`);
    expect(toFtsMatch(`Zelensky's`)).toBe(`"zelensky" "s"`);
    expect(toFtsMatch(`Київ`)).toBe(`"київ"`);
  });

  it("returns null when nothing searchable is left", () => {
    for (const q of ["", "   ", `"`, "*", "()", "-+^:"]) expect(toFtsMatch(q), q).toBeNull();
  });

  it("caps the number and length of terms", () => {
    expect(queryTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))).toHaveLength(16);
    expect(queryTerms("x".repeat(500))[0]).toHaveLength(64);
  });
});

describe("snippetParts", () => {
  it("splits on the markers and drops stray ones", () => {
    expect(snippetParts(`a ${O}b${C} c`)).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c", match: false },
    ]);
    expect(snippetParts(`<script>${O}x`)).toEqual([{ text: "<script>x", match: false }]);
    expect(snippetText(`${O}a${C}`)).toBe("a");
  });
});

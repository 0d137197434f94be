import { describe, expect, it } from "vitest";
import { compareHeadlines } from "./headlines";

const distinctWords = (parts: { text: string; distinct: boolean }[]) =>
  parts.filter((p) => p.distinct).map((p) => p.text);

describe("compareHeadlines", () => {
  it("highlights the words no other headline uses, stems and stop words considered", () => {
    const [a, b, c] = compareHeadlines([
      { articleId: 1, title: "Putin meets envoy for talks" },
      { articleId: 2, title: "Envoy's talk with Putin 'constructive'" },
      { articleId: 3, title: "Putin and envoy meet as strikes continue" },
    ]);
    expect(distinctWords(a.parts)).toEqual([]);
    expect(distinctWords(b.parts)).toEqual(["constructive"]);
    expect(distinctWords(c.parts)).toEqual(["strikes", "continue"]);
  });

  it("keeps the headline's text intact across its parts", () => {
    const [h] = compareHeadlines([
      { articleId: 1, title: "U.S. envoy: “three-hour” talks" },
      { articleId: 2, title: "x" },
    ]);
    expect(h.parts.map((p) => p.text).join("")).toBe("U.S. envoy: “three-hour” talks");
  });

  it("marks nothing when there is a single headline", () => {
    expect(distinctWords(compareHeadlines([{ articleId: 1, title: "Alone here" }])[0].parts)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { matchPage, scoreCorpus, shingles, tokenize } from "./extraction-score";

describe("tokenize", () => {
  it("splits on anything that is not a Unicode letter, digit or underscore", () => {
    expect(tokenize("Cœur d'Alène, 2019—snake_case! Київ")).toEqual([
      "Cœur",
      "d",
      "Alène",
      "2019",
      "snake_case",
      "Київ",
    ]);
  });
});

describe("shingles", () => {
  it("counts overlapping 4-token windows", () => {
    const counts = shingles("a b c d e a b c d");
    expect(counts.size).toBe(5); // abcd bcde cdea deab eabc, abcd repeated
    expect(counts.get(["a", "b", "c", "d"].join("\u0000"))).toBe(2);
  });
  it("keeps a short or empty text as one shingle, as the benchmark does", () => {
    expect([...shingles("two words").values()]).toEqual([1]);
    expect(shingles("").size).toBe(1);
  });
});

describe("matchPage", () => {
  it("is perfect for the same text whatever the punctuation", () => {
    expect(matchPage("One two three four five.", "one two three four five".replace("one", "One"))).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
  });
  it("normalises tp, fp and fn to sum to one", () => {
    // truth shingles: [1234] [2345]; predicted: [2345] [3456] [4567] → tp 1, fp 2, fn 1 → /4
    expect(matchPage("w1 w2 w3 w4 w5", "w2 w3 w4 w5 w6 w7")).toEqual({ tp: 0.25, fp: 0.5, fn: 0.25 });
  });
  it("counts repeated shingles up to the smaller count", () => {
    // truth: [abcd]×1; predicted "a b c d a b c d": [abcd]×2 [bcda] [cdab] [dabc] → tp 1, fp 4
    expect(matchPage("a b c d", "a b c d a b c d")).toEqual({ tp: 0.2, fp: 0.8, fn: 0 });
  });
});

describe("scoreCorpus", () => {
  it("averages precision and recall over pages, then takes F1 of the means", () => {
    const score = scoreCorpus([
      { tp: 0.25, fp: 0.5, fn: 0.25 }, // P 1/3, R 1/2
      { tp: 1, fp: 0, fn: 0 }, // P 1, R 1
    ]);
    expect(score.precision).toBeCloseTo(2 / 3, 10);
    expect(score.recall).toBeCloseTo(3 / 4, 10);
    expect(score.f1).toBeCloseTo((2 * (2 / 3) * (3 / 4)) / (2 / 3 + 3 / 4), 10);
  });
  it("scores an empty prediction as zero precision and zero recall", () => {
    const score = scoreCorpus([matchPage("w1 w2 w3 w4 w5", "")]);
    expect(score).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

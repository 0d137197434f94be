import { describe, expect, it } from "vitest";
import { bcubed, bcubedLoss, pairwise } from "./metrics";

// gold a a a b b; predicted 1 1 2 2 2 — worked by hand:
// B³ per article P: 1, 1, 1/3, 2/3, 2/3 → 11/15; R: 2/3, 2/3, 1/3, 1, 1 → 11/15.
// Pairs: predicted 1 + 3 = 4, gold 3 + 1 = 4, shared (1,2) and (4,5) = 2 → P = R = 1/2.
const gold = ["a", "a", "a", "b", "b"];
const predicted = ["1", "1", "2", "2", "2"];

describe("bcubed", () => {
  it("matches a hand-computed case", () => {
    const s = bcubed(predicted, gold);
    expect(s.precision).toBeCloseTo(11 / 15, 10);
    expect(s.recall).toBeCloseTo(11 / 15, 10);
    expect(s.f1).toBeCloseTo(11 / 15, 10);
  });

  it("scores all-singletons as perfect precision and 1/|G| recall", () => {
    const s = bcubed(["1", "2", "3", "4", "5"], gold);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2)) / 5, 10);
  });

  it("scores one big cluster as perfect recall", () => {
    const s = bcubed(["x", "x", "x", "x", "x"], gold);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo((3 * (3 / 5) + 2 * (2 / 5)) / 5, 10);
  });

  it("is perfect for the gold clustering under other names", () => {
    expect(bcubed(["q", "q", "q", "r", "r"], gold).f1).toBe(1);
  });

  it("rejects misaligned inputs", () => {
    expect(() => bcubed(["1"], gold)).toThrow(/1 predictions for 5/);
  });
});

describe("bcubedLoss", () => {
  // Hand-worked: a1, a2 lose recall 1/3 each and a3 precision 2/3 and recall 2/3; b4, b5 lose precision 1/3 each
  // (they share their cluster with a3). Each over n = 5.
  it("puts the loss on the gold labels it comes from", () => {
    const loss = bcubedLoss(predicted, gold);
    expect(loss.get("a")!.precision).toBeCloseTo(2 / 15, 10);
    expect(loss.get("a")!.recall).toBeCloseTo(4 / 15, 10);
    expect(loss.get("b")!.precision).toBeCloseTo(2 / 15, 10);
    expect(loss.get("b")!.recall).toBe(0);
  });

  it("sums to one minus precision and one minus recall", () => {
    const p = ["x", "y", "y", "z", "x", "z", "z"];
    const g = ["a", "a", "b", "b", "c", "c", "c"];
    const shares = [...bcubedLoss(p, g).values()];
    const s = bcubed(p, g);
    expect(shares.reduce((t, l) => t + l.precision, 0)).toBeCloseTo(1 - s.precision, 10);
    expect(shares.reduce((t, l) => t + l.recall, 0)).toBeCloseTo(1 - s.recall, 10);
  });

  it("is zero for a perfect clustering", () => {
    for (const l of bcubedLoss(["q", "q", "q", "r", "r"], gold).values())
      expect(l).toEqual({ precision: 0, recall: 0 });
  });
});

describe("pairwise", () => {
  it("matches a hand-computed case", () => {
    const s = pairwise(predicted, gold);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
  });

  it("gives zero recall to all-singletons of a clustered gold", () => {
    const s = pairwise(["1", "2", "3", "4", "5"], gold);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0);
    expect(s.f1).toBe(0);
  });
});

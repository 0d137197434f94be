import { describe, expect, it } from "vitest";
import { bcubed, pairwise } from "./metrics";

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

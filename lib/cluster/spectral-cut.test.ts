import { describe, expect, it } from "vitest";
import { spectralCut } from "./spectral-cut";

/** A deterministic value in [0, 1) per pair, the same for (i, j) and (j, i). */
const noise = (i: number, j: number) => {
  const [a, b] = i < j ? [i, j] : [j, i];
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

/** The similarity matrix spectralCut reads, from a function of the pair. */
const matrix = (n: number, sim: (i: number, j: number) => number) => {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) m[i * n + j] = sim(i, j);
  return m;
};

describe("spectralCut", () => {
  it("separates two stories that share their vocabulary, whatever order their members come in", () => {
    // Members 0, 2, 4… are one story, 1, 3, 5… the other: similar within (0.45–0.65), less across (0.15–0.35).
    const story = (i: number) => i % 2;
    const sim = (i: number, j: number) => (story(i) === story(j) ? 0.45 : 0.15) + 0.2 * noise(i, j);
    const cut = spectralCut(14, matrix(14, sim), 5, 3);
    expect(cut.ncut).toBeLessThan(0.2);
    expect(cut.contrast).toBeLessThan(0.6);
    // Member 0 stays on side 0: the event that keeps its id keeps its first article.
    for (let i = 0; i < 14; i++) expect(cut.side[i]).toBe(story(i));
  });

  it("finds no such cut in one story, however its similarities vary", () => {
    const cut = spectralCut(
      30,
      matrix(30, (i, j) => 0.3 + 0.4 * noise(i, j)),
      5,
      3,
    );
    // A best cut always exists; what tells one story from two is how low it is and how much weaker its edges are.
    expect(cut.ncut).toBeGreaterThan(0.4);
    expect(cut.contrast).toBeGreaterThan(0.8);
  });

  it("does not cut off a lone outlier: each side keeps at least minSide members", () => {
    // Member 5 barely resembles the others; cutting it alone would be the cheapest cut were sides not bounded.
    const sim = (i: number, j: number) => (i === 5 || j === 5 ? 0.02 : 0.5 + 0.1 * noise(i, j));
    const cut = spectralCut(12, matrix(12, sim), 5, 3);
    const moved = [...cut.side].filter(Boolean).length;
    expect(moved).toBeGreaterThanOrEqual(3);
    expect(12 - moved).toBeGreaterThanOrEqual(3);
    expect(cut.ncut).toBeGreaterThan(0.4);
  });

  it("gives no cut for fewer than two sides' worth of members, or a member linked to none", () => {
    expect(
      spectralCut(
        5,
        matrix(5, () => 0.5),
        5,
        3,
      ).ncut,
    ).toBe(Infinity);
    expect(
      spectralCut(
        8,
        matrix(8, (i, j) => (i === 0 || j === 0 ? 0 : 0.5)),
        5,
        3,
      ).ncut,
    ).toBe(Infinity);
  });

  it("is deterministic", () => {
    const sim = (i: number, j: number) => noise(i, j);
    const a = spectralCut(20, matrix(20, sim), 5, 3);
    const b = spectralCut(20, matrix(20, sim), 5, 3);
    expect(b).toEqual(a);
  });
});

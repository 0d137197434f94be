import { describe, expect, it } from "vitest";
import { seededShuffle } from "./shuffle";

describe("seededShuffle", () => {
  const items = Array.from({ length: 50 }, (_, i) => i);

  it("gives the same order for the same seed and another for another seed", () => {
    expect(seededShuffle(items, 7)).toEqual(seededShuffle(items, 7));
    expect(seededShuffle(items, 7)).not.toEqual(seededShuffle(items, 8));
  });

  it("permutes without losing or copying items", () => {
    expect([...seededShuffle(items, 3)].sort((a, b) => a - b)).toEqual(items);
  });
});

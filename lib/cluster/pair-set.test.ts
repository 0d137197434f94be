import { describe, expect, it } from "vitest";
import { PairSet } from "./pair-set";

describe("PairSet", () => {
  it("holds exactly the pairs added, through growth", () => {
    const p = new PairSet();
    const expected = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const x = (i * 31) % 997;
      const y = (i * 7919) % 4001;
      expect(p.add(x, y)).toBe(!expected.has(`${x},${y}`));
      expected.add(`${x},${y}`);
    }
    expect(p.size).toBe(expected.size);
    for (let x = 0; x < 50; x++) for (let y = 0; y < 200; y++) expect(p.has(x, y)).toBe(expected.has(`${x},${y}`));
  });

  it("groups second elements by first", () => {
    const p = new PairSet();
    p.add(2, 5);
    p.add(0, 7);
    p.add(2, 9);
    const { offsets, values } = p.grouped(3);
    expect(Array.from(offsets)).toEqual([0, 1, 1, 3]);
    expect(Array.from(values.subarray(1, 3)).sort()).toEqual([5, 9]);
    expect(values[0]).toBe(7);
  });
});

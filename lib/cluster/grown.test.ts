import { describe, expect, it } from "vitest";
import { grownTo } from "./grown";

describe("grownTo", () => {
  it("keeps an array that is large enough, else doubles it (or more) keeping every element and the type", () => {
    const a = Int32Array.from([1, 2, 3]);
    expect(grownTo(a, 3)).toBe(a);
    const b = grownTo(a, 4);
    expect(b).toBeInstanceOf(Int32Array);
    expect(Array.from(b)).toEqual([1, 2, 3, 0, 0, 0]);
    const c = grownTo(Uint16Array.from([7]), 5);
    expect(c).toBeInstanceOf(Uint16Array);
    expect(Array.from(c)).toEqual([7, 0, 0, 0, 0]);
  });
});

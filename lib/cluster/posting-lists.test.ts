import { describe, expect, it } from "vitest";
import { PostingLists } from "./posting-lists";

const read = (p: PostingLists, id: number) => Array.from(p.pool.subarray(p.first(id), p.first(id) + p.size(id)));

describe("PostingLists", () => {
  it("keeps each term's entries in order through growth of the lists and of the pool", () => {
    const p = new PostingLists();
    const expected = new Map<number, number[]>();
    // Interleaved appends to many terms, enough to relocate lists and outgrow the first pool and term tables.
    for (let i = 0; i < 100_000; i++) {
      const id = (i * 7919) % 3000;
      p.add(id, i);
      expected.set(id, [...(expected.get(id) ?? []), i]);
    }
    for (const [id, values] of expected) expect(read(p, id)).toEqual(values);
    expect(p.size(5000)).toBe(0);
  });

  it("round-trips through its flat lists and keeps appending after", () => {
    const p = new PostingLists();
    p.add(2, 10);
    p.add(0, 11);
    p.add(2, 12);
    const { offsets, values } = p.lists(4);
    expect(Array.from(offsets)).toEqual([0, 1, 1, 3, 3]);
    expect(Array.from(values)).toEqual([11, 10, 12]);
    const q = PostingLists.fromLists(offsets, values);
    q.add(2, 13);
    q.add(3, 14);
    expect([read(q, 0), read(q, 1), read(q, 2), read(q, 3)]).toEqual([[11], [], [10, 12, 13], [14]]);
  });
});

import { describe, expect, it } from "vitest";
import { parseEventViewQuery, selectColumns } from "./view-params";

const articles = [
  { id: 1, source: { name: "Zeta", domain: "zeta.example" } },
  { id: 2, source: null },
  { id: 3, source: { name: "alpha", domain: "alpha.example" } },
];

describe("event view query", () => {
  it("parses outlets, order and the compared pair, falling back on bad values", () => {
    expect(
      parseEventViewQuery({ outlets: "Alpha.example, zeta.example", order: "outlet", articleA: "3", articleB: "x" }),
    ).toEqual({
      outlets: ["alpha.example", "zeta.example"],
      order: "outlet",
      articleA: 3,
      articleB: undefined,
    });
    expect(parseEventViewQuery({ order: "random", outlets: ["a.example", "b.example"] })).toMatchObject({
      order: "date",
      outlets: ["a.example", "b.example"],
    });
  });

  it("filters and orders the columns", () => {
    expect(selectColumns(articles, { order: "date" }).map((a) => a.id)).toEqual([1, 2, 3]);
    expect(selectColumns(articles, { order: "outlet" }).map((a) => a.id)).toEqual([3, 1, 2]);
    expect(selectColumns(articles, { order: "date", outlets: ["alpha.example"] }).map((a) => a.id)).toEqual([3]);
  });
});

import { describe, expect, it } from "vitest";
import { articleFeatures } from "@/lib/cluster/features";
import { syntheticStream } from "@/scripts/bench/cluster/synthetic-stream";
import { compareTerms, termId, termNames, termVectorOf } from "@/lib/cluster/term-ids";
import { readSeedArticles } from "@/tests/support/shared-articles";

describe("termVectorOf", () => {
  it("gives features read back from JSON the same ids, weights and order as fresh ones", () => {
    const synthetic = [...syntheticStream({ articles: 50 }).items()].map((x) => x.article);
    for (const article of [...readSeedArticles(), ...synthetic]) {
      const fresh = articleFeatures(article);
      const stored = JSON.parse(JSON.stringify(fresh));
      const a = termVectorOf(fresh);
      const b = termVectorOf(stored);
      expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
      expect(Array.from(b.w)).toEqual(Array.from(a.w));
      expect(Array.from(a.ids, (id) => termNames[id])).toEqual(Object.keys(fresh.terms));
    }
  });
});

describe("compareTerms", () => {
  it("orders term ids exactly as their terms compare as strings, prefixes and all", () => {
    const terms = [
      "a",
      "ab",
      "abc",
      "abcd",
      "abd",
      "b",
      "~abc",
      "~ab_c",
      "@may-3",
      "#2013",
      "#201",
      "zürich",
      "zurich",
      "été",
      "日本",
      "~ab",
    ];
    const ids = terms.map(termId);
    const byIds = [...ids].sort(compareTerms).map((id) => termNames[id]);
    expect(byIds).toEqual([...terms].sort());
    for (const id of ids) expect(compareTerms(id, id)).toBe(0);
  });
});

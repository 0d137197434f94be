import { describe, expect, it } from "vitest";
import { articleFeatures } from "./features";
import { syntheticStream } from "./synthetic-stream";
import { termNames, termVectorOf } from "./term-ids";
import { readSeedArticles } from "./test-data";

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

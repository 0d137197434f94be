import { describe, expect, it } from "vitest";
import { kthSmallest } from "@/lib/cluster/packed-vector";
import { seededRandom } from "@/scripts/bench/cluster/shuffle";

describe("kthSmallest", () => {
  it("gives the value a full sort puts at k, with many ties and without", () => {
    const random = seededRandom(7);
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(random() * 400);
      // Half the values drawn from a few rounded weights, as rounded features give.
      const a = Float64Array.from({ length: n }, () => (random() < 0.5 ? Math.round(random() * 10) / 10 : random()));
      const k = Math.floor(random() * n);
      expect(kthSmallest(a.slice(), k)).toBe(a.slice().sort()[k]);
    }
  });
});

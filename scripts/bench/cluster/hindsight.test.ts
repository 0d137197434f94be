import { describe, expect, it } from "vitest";
import { averageLinkage, hindsightSweep, nearestNeighbourAgreement, similarityMatrix } from "./hindsight";
import type { ArticleFeatures } from "@/lib/cluster/types";

const f = (...terms: string[]): ArticleFeatures => ({ v: 0, terms: Object.fromEntries(terms.map((t) => [t, 1])) });
// Two quake stories and two court stories; "report" is everywhere and carries no weight.
const features = [
  f("quak", "chile", "magnitud", "report"),
  f("quak", "chile", "tsunami", "report"),
  f("court", "verdict", "jury", "report"),
  f("court", "jury", "appeal", "report"),
];
const gold = ["quake", "quake", "court", "court"];

describe("hindsight", () => {
  it("compares with IDF over the whole corpus", () => {
    const s = similarityMatrix(features);
    expect(s[0 * 4 + 1]).toBeGreaterThan(0.3);
    expect(s[0 * 4 + 2]).toBeCloseTo(0, 1); // only the shared "report", whose IDF is lowest
    expect(s[1 * 4 + 0]).toBe(s[0 * 4 + 1]);
  });

  it("counts the articles whose nearest neighbour shares their label", () => {
    const s = similarityMatrix(features);
    expect(nearestNeighbourAgreement(s, gold)).toBe(1);
    expect(nearestNeighbourAgreement(s, ["a", "b", "court", "court"])).toBe(0.5);
  });

  it("merges by average similarity down to the threshold", () => {
    const s = similarityMatrix(features);
    const labels = averageLinkage(s, 4, 0.2);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[2]).toBe(labels[3]);
    expect(labels[0]).not.toBe(labels[2]);
    expect(new Set(averageLinkage(s, 4, 0.99)).size).toBe(4);
    expect(new Set(averageLinkage(s, 4, -1)).size).toBe(1);
  });

  it("scores each threshold against the gold labels", () => {
    const [loose, right] = hindsightSweep(similarityMatrix(features), gold, [-1, 0.2]);
    expect(loose.scores.precision).toBe(0.5);
    expect(right.scores.f1).toBe(1);
  });
});

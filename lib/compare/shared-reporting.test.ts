import { describe, expect, it } from "vitest";
import { buildComparison } from "./build";
import type { CompareInput } from "./schema";

const outlet = (name: string, domain: string) => ({ name, domain, country: null });
const article = (id: number, source: CompareInput["source"], text: string, title = `Title ${id}`): CompareInput => ({
  id,
  title,
  text,
  publishedAt: new Date(`2025-04-2${id}T10:00:00Z`),
  byline: null,
  source,
});

const articles = [
  article(
    1,
    outlet("Alpha", "alpha.example"),
    "The envoy met the president in Moscow for three hours on Friday. Aides said the talks with the envoy were constructive and useful. The rouble fell sharply against the dollar in early trading.",
  ),
  article(
    2,
    outlet("Beta", "beta.example"),
    "On Friday the president held a three-hour meeting with the envoy in Moscow. The Kremlin described the talks with the envoy as constructive. Farmers protested new grain export quotas outside parliament.",
  ),
  article(
    3,
    outlet("Gamma", "gamma.example"),
    "A presidential aide called the talks with the envoy constructive and useful. The envoy met the president for three hours.",
  ),
];

describe("shared and unique reporting", () => {
  const c = buildComparison(articles);
  const groupOf = (pattern: RegExp) => c.shared.find((g) => g.sentences.some((s) => pattern.test(s.text)));

  it("groups paraphrases of one claim across outlets, one sentence per article", () => {
    const meeting = groupOf(/three hours on Friday/);
    expect(meeting?.outletCount).toBe(3);
    expect(meeting?.sentences.map((s) => s.articleId).sort()).toEqual([1, 2, 3]);
    const constructive = groupOf(/described the talks with the envoy as constructive/);
    expect(constructive?.outletCount).toBeGreaterThanOrEqual(2);
    expect(constructive?.id).not.toBe(meeting?.id);
  });

  it("orders groups by reach and labels them with a member sentence", () => {
    expect(c.shared[0].outletCount).toBe(3);
    expect(c.shared[0].sentences.map((s) => s.text)).toContain(c.shared[0].label);
  });

  it("marks the claims only one outlet made", () => {
    const uniqueOf = (id: number) =>
      c.articles
        .find((a) => a.id === id)!
        .sentences.filter((s) => s.unique)
        .map((s) => s.text);
    expect(uniqueOf(1)).toEqual(["The rouble fell sharply against the dollar in early trading."]);
    expect(uniqueOf(2)).toEqual(["Farmers protested new grain export quotas outside parliament."]);
    expect(uniqueOf(3)).toEqual([]);
  });

  it("does not count two articles of one outlet as shared reporting", () => {
    const same = buildComparison([
      article(1, outlet("Alpha", "alpha.example"), "The envoy met the president in Moscow for three hours on Friday."),
      article(2, outlet("Alpha", "alpha.example"), "The envoy met the president in Moscow for three hours on Friday."),
    ]);
    expect(same.outletCount).toBe(1);
    expect(same.shared).toEqual([]);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(buildComparison([...articles].reverse()))).toBe(JSON.stringify(c));
  });
});

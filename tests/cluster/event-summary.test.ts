import { describe, expect, it } from "vitest";
import { keyEntities, summarise, type SummaryArticle } from "@/lib/cluster/event-summary";
import { readSeedArticles } from "@/tests/support/shared-articles";

describe("event labels on the seed event", () => {
  const seeds = readSeedArticles();

  it("summarises what the sources share in at most 400 characters, from more than one article", () => {
    const summary = summarise(seeds)!;
    expect(summary.length).toBeLessThanOrEqual(400);
    expect(summary).toMatch(/Witkoff/);
    expect(summary).toMatch(/Putin/);
    const from = seeds.filter((s) =>
      summary.split(/(?<=[.!?]["”’]?) /).some((sentence) => s.text.replace(/\s+/g, " ").includes(sentence)),
    );
    expect(from.length).toBeGreaterThanOrEqual(2);
  });

  it("names the people every report mentions, once each, without their titles", () => {
    const entities = keyEntities(seeds);
    expect(entities.length).toBeLessThanOrEqual(8);
    expect(entities).toEqual(expect.arrayContaining(["Vladimir Putin", "Steve Witkoff"]));
    expect(entities.some((e) => /Ushakov$/.test(e))).toBe(true);
    expect(entities.filter((e) => /Putin/.test(e))).toHaveLength(1);
    expect(entities).not.toContain("Russian");
  });
});

describe("event labels on a small synthetic event", () => {
  // Two facts every article reports in its own words (the flood, the schools) and one detail of each outlet's own.
  const articles: SummaryArticle[] = [
    {
      id: 1,
      title: "Storm Ava floods Porto harbour",
      text:
        "Storm Ava flooded the harbour of Porto on Tuesday, forcing Mayor Rui Moreira to close the riverside. " +
        "A local baker said her shop had never seen water like it in forty years of trading. " +
        "Winds of 120 km/h shut schools across northern Portugal, the education ministry said.",
      publishedAt: new Date(Date.UTC(2025, 0, 2)),
    },
    {
      id: 2,
      title: "Porto closes riverside as Storm Ava brings floods",
      text:
        "Porto closed its riverside after Storm Ava flooded the harbour, Mayor Rui Moreira said. " +
        "Fishermen in Matosinhos moved their boats inland the night before the storm arrived at the coast. " +
        "Schools across northern Portugal were shut by the ministry as winds reached 120 km/h.",
      publishedAt: new Date(Date.UTC(2025, 0, 1)),
    },
    {
      id: 3,
      title: "Flooding in Porto",
      text:
        "Rui Moreira, the mayor, ordered the riverside of Porto closed as Storm Ava flooded the harbour overnight. " +
        "The education ministry shut schools in northern Portugal as gusts hit 120 km/h. " +
        "The city's football club postponed its weekend match against Benfica.",
      publishedAt: new Date(Date.UTC(2025, 0, 3)),
    },
  ];

  it("picks the shared facts over each article's own details, from different articles, lead first", () => {
    const summary = summarise(articles)!;
    const sentences = summary.split(/(?<=\.) /);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/Ava flooded the harbour/);
    expect(sentences[1]).toMatch(/schools/i);
    const source = (s: string) => articles.findIndex((a) => a.text.includes(s));
    expect(source(sentences[0])).not.toBe(source(sentences[1]));
    expect(summary).not.toMatch(/baker|Benfica|Fishermen/);
  });

  it("lists names at least two articles mention, most mentioned first", () => {
    const entities = keyEntities(articles);
    expect(entities.slice(0, 3).sort()).toEqual(["Porto", "Rui Moreira", "Storm Ava"]);
    expect(entities).not.toContain("Benfica");
    expect(entities).not.toContain("Matosinhos");
  });

  it("summarises a lone article by its lead and gives nothing for a text without sentences", () => {
    expect(summarise([articles[0]])).toBe(articles[0].text);
    expect(summarise([{ id: 9, title: "Live", text: "Home\nNews\nSport" }])).toBeNull();
  });
});

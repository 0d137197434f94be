import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractTextDump } from "./index";

// The seeds are shared material outside the repo: resolve from the project root, never copy them in.
const SEEDS_DIR = path.resolve(import.meta.dirname, "../../..", "../shared/seeds");

function seed(prefix: string) {
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(
      `Seed dumps not found at ${SEEDS_DIR}: these tests need the shared/ folder beside the project root.`,
    );
  }
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`No seed file starting with ${prefix} in ${SEEDS_DIR}`);
  const article = extractTextDump(readFileSync(path.join(SEEDS_DIR, file), "utf8"), { fileName: file });
  return { article, paragraphs: article.text.split("\n\n") };
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe("seed 000 (Ukrainska Pravda)", () => {
  const { article, paragraphs } = seed("000_");

  it("reads the metadata the page prints", () => {
    expect(article.title).toBe(
      'Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine',
    );
    expect(article.byline).toBe("Oleh Pavliuk, Yevhen Kizilov");
    expect(article.publishedAt?.toISOString().slice(0, 10)).toBe("2025-04-25");
    expect(article.source).toEqual({ name: "Ukrainska Pravda", domain: "pravda.com.ua" });
    expect(article.language).toBe("en");
  });

  it("keeps the body from the lede to the last bullet, short labelled paragraphs included", () => {
    expect(paragraphs[0]).toMatch(/^The Kremlin has stated that Russian leader Vladimir Putin/);
    expect(article.text).toContain("Details: Ushakov said that the three-hour");
    expect(article.text).toContain('Quote: "As for the Ukrainian crisis specifically');
    expect(paragraphs.at(-1)).toMatch(/Boris Johnson strongly criticised Donald Trump’s proposals/);
    expect(article.html).toContain("<ul><li>This is Witkoff’s fourth visit");
  });

  it("drops navigation, ads, credits, tags and the related-news lists", () => {
    for (const furniture of [
      "Support Us",
      "Укр",
      "Advertisement",
      "Stock photo",
      "Patreon",
      "RECENT NEWS",
      "All News",
      "19:45",
      "warRussia",
      "Full text of Trump's",
    ]) {
      expect(article.text, furniture).not.toContain(furniture);
    }
    expect(occurrences(article.text, "brought positions closer")).toBe(1);
  });
});

describe("seed 001 (ANI)", () => {
  const { article, paragraphs } = seed("001_");

  it("reads the metadata the page prints", () => {
    expect(article.title).toBe("Russian President Vladimir Putin meets US Special Envoy Steve Witkoff");
    expect(article.source).toEqual({ name: "ANI", domain: "aninews.in" });
    expect(article.publishedAt?.toISOString().slice(0, 10)).toBe("2025-04-26");
  });

  it("keeps the body and its quotes", () => {
    expect(paragraphs[0]).toMatch(/^Moscow, April 25: Russian President Vladimir Putin, met with/);
    expect(article.text).toContain('"On April 25, President of Russia Vladimir #Putin met in the Kremlin');
    expect(article.text).toContain('"In accordance with agreements between Putin and Trump');
    expect(paragraphs.at(-1)).toBe(
      'Speaking to reporters, he said, "Ukraine will not legally recognise the occupation of Crimea." Zelenskyy said, "There is nothing to talk about. It is against our constitution."',
    );
  });

  it("keeps the pulled quote once", () => {
    expect(occurrences(article.text, "This conversation allowed the US positions to be brought closer together")).toBe(
      1,
    );
  });

  it("drops the key-points box, the tweet URL, comments, the form, the disclaimer and recommendations", () => {
    expect(paragraphs.some((p) => /^\d+$/.test(p))).toBe(false);
    for (const furniture of [
      "Key Points",
      "https://x.com",
      "Reader Comments",
      "Michael T.",
      "cautiously optimistic",
      "Leave a Comment",
      "Your email",
      "Disclaimer",
      "Tags:",
      "You May Like",
      "368 views",
    ]) {
      expect(article.text, furniture).not.toContain(furniture);
    }
  });
});

describe("seed 002 (no outlet named)", () => {
  const { article, paragraphs } = seed("002_");

  it("keeps the headline's own quote marks and names no outlet", () => {
    expect(article.title).toBe("Russia: Putin-Witkoff meeting brought sides ‘closer’ on Ukraine");
    expect(article.source).toBeNull();
    expect(article.byline).toBeNull();
  });

  it("keeps every paragraph with normalised whitespace", () => {
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs[0]).toMatch(/^The fourth meeting between Russian President/);
    expect(paragraphs.at(-1)).toMatch(/^After the meeting in Moscow, Witkoff is on his way to Oman/);
    expect(article.text).not.toMatch(/\u00A0| {2}|\n{3}| \n/);
  });
});

describe("seed 003 (MENAFN)", () => {
  const { article, paragraphs } = seed("003_");

  it("reads the metadata, falling back to the crawl header date", () => {
    expect(article.title).toBe("Russian presidential aide describes Putin-Witkoff discussions as ‘constructive’");
    expect(article.source).toEqual({ name: "MENAFN", domain: "menafn.com" });
    expect(article.publishedAt?.toISOString()).toBe("2025-05-12T00:00:00.000Z");
  });

  it("keeps each repeated paragraph once and drops error text and legal furniture", () => {
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^\(MENAFN\) Russian presidential aide Yury Ushakov/);
    expect(occurrences(article.text, "Speaking to reporters, Ushakov said")).toBe(1);
    expect(occurrences(article.text, "Moscow has consistently welcomed peace efforts")).toBe(1);
    for (const furniture of [
      "Sorry",
      "Error",
      "doesn't exist",
      "Legal Disclaimer",
      "provides the information",
      "No comment",
      "403",
    ]) {
      expect(article.text, furniture).not.toContain(furniture);
    }
  });
});

describe("seed 004 (CGTN)", () => {
  const { article, paragraphs } = seed("004_");

  it("takes URL, outlet, date and headline from the printed original link", () => {
    expect(article.url).toBe(
      "https://news.cgtn.com/news/2025-04-26/Trump-says-Ukraine-deal-near-after-envoy-meets-Putin-1CSAfvwPuPC/p.html",
    );
    expect(article.source).toEqual({ name: "CGTN", domain: "cgtn.com" });
    expect(article.publishedAt?.toISOString()).toBe("2025-04-26T00:00:00.000Z");
    expect(article.title).toBe("Trump says Ukraine deal near after envoy meets Putin");
  });

  it("keeps the body and drops the read-the-original line", () => {
    expect(paragraphs[0]).toMatch(/^U\.S\. President Donald Trump's envoy, Steve Witkoff, met with/);
    expect(paragraphs.at(-1)).toBe(
      "The Trump administration has warned that the U.S. will walk away from negotiations unless there is genuine progress.",
    );
    expect(article.text).not.toContain("阅读原文");
    expect(article.text).not.toContain("https://");
  });
});

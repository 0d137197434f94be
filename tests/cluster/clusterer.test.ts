import { describe, expect, it } from "vitest";
import { createClusterer } from "@/lib/cluster/clusterer";
import { secondPass } from "@/lib/cluster/second-pass";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";
import { ecbSample, readSeedArticles } from "@/tests/support/shared-articles";
import type { ClusterArticle, RestoreEntry } from "@/lib/cluster/types";

function run(articles: ClusterArticle[]) {
  const c = createClusterer();
  let n = 0;
  return articles.map((a) => c.ingest(a, () => `e${++n}`));
}

const ecb = readLabelledCorpus("ecbplus.jsonl");

describe("createClusterer", () => {
  it("gives the same events and similarities for the same arrival order", () => {
    const order = seededShuffle(ecb, 11)
      .slice(0, 200)
      .map((x) => x.article);
    const first = run(order);
    expect(run(order)).toEqual(first);
    // Not trivially one event or all singletons.
    const events = new Set(first.map((r) => r.eventId)).size;
    expect(events).toBeGreaterThan(5);
    expect(events).toBeLessThan(150);
  });

  it("puts the five raw seed dumps of one story into one event", () => {
    const seeds = readSeedArticles();
    expect(seeds).toHaveLength(5);
    for (const seed of [0, 1, 2]) {
      const results = run(seededShuffle(seeds, seed));
      expect(new Set(results.map((r) => r.eventId)).size).toBe(1);
    }
  });

  it("keeps unrelated ECB+ stories apart", () => {
    const sample = ecbSample(["1_ecb", "3_ecb", "5_ecbplus", "8_ecb", "14_ecbplus"], 4);
    for (const seed of [0, 1, 2]) {
      const order = seededShuffle(sample, seed);
      const results = run(order.map((x) => x.article));
      const goldOf = new Map<string, Set<string>>();
      results.forEach((r, i) => {
        goldOf.set(r.eventId, (goldOf.get(r.eventId) ?? new Set()).add(order[i].gold));
      });
      for (const golds of goldOf.values()) expect([...golds]).toHaveLength(1);
      expect(goldOf.size).toBeLessThanOrEqual(10);
    }
  });

  it("assign() proposes without changing the state; add() commits", () => {
    const c = createClusterer();
    const [a, b] = readSeedArticles();
    expect(c.assign(a)).toEqual({ eventId: null, similarity: 0 });
    c.add(a, "x");
    const proposal = c.assign(b);
    expect(proposal.eventId).toBe("x");
    expect(proposal.similarity).toBeGreaterThan(c.options.threshold);
    expect(c.articleCount).toBe(1);
    expect(() => c.add(a, "y")).toThrow(/already in event x/);
  });

  it("restores from stored features to the same subsequent assignments", () => {
    const order = seededShuffle(ecb, 5).map((x) => x.article);
    const head = order.slice(0, 400);
    const tail = order.slice(400, 550);
    const original = createClusterer();
    let n = 0;
    const entries: RestoreEntry[] = head.map((a) => {
      const features = original.features(a);
      const { eventId } = original.ingest(a, () => `e${++n}`, features);
      // Through JSON, as the features are stored in the database.
      return { articleId: a.id, eventId, features: JSON.parse(JSON.stringify(features)), publishedAt: a.publishedAt };
    });
    const restored = createClusterer();
    restored.restore(entries);
    expect(restored.articleCount).toBe(original.articleCount);
    expect(restored.eventCount).toBe(original.eventCount);
    const continueWith = (c: ReturnType<typeof createClusterer>) => {
      let k = n;
      return (a: ClusterArticle) => c.ingest(a, () => `e${++k}`);
    };
    const a1 = tail.map(continueWith(original));
    const a2 = tail.map(continueWith(restored));
    expect(a2).toEqual(a1);
    // Some joined existing events, some started new ones.
    expect(a1.some((r) => r.created)).toBe(true);
    expect(a1.some((r) => !r.created)).toBe(true);
  });

  it("lets time decay keep apart the same words weeks apart", () => {
    const a = {
      id: "a",
      title: "Floods hit the river valley towns",
      text: "Heavy floods hit the river valley towns.",
      publishedAt: new Date("2024-03-01"),
    };
    const b = { ...a, id: "b", publishedAt: new Date("2024-03-02") };
    const far = { ...a, id: "c", publishedAt: new Date("2024-09-01") };
    const c = createClusterer();
    c.add(a, "x");
    c.add({ ...a, id: "filler", title: "Elections in the north", text: "Voters went to the polls." }, "y");
    expect(c.assign(b).eventId).toBe("x");
    expect(c.assign(far).eventId).toBeNull();
  });

  it("links a headline to a big event through several members, a full text through its best one", () => {
    const headline = (id: string, title: string): ClusterArticle => ({ id, title, text: "" });
    const story = [
      headline("f1", "Harbour ferry fares rise again"),
      headline("f2", "Ferry fares rise for harbour commuters"),
      headline("f3", "Harbour commuters face higher ferry fares"),
      headline("f4", "Lighthouse keeper joins harbour ferry crew"),
    ];
    // Fifty filler words that an unrelated event makes known (the length of a query counts its known terms).
    const words = Array.from(
      { length: 50 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const similarity = (memberLinkTop: number, article: ClusterArticle) => {
      const c = createClusterer({ memberLinkTop });
      for (const a of story) c.add(a, "x");
      c.add({ id: "o1", title: "Mountain road closed by snow", text: words.join(" ") }, "y");
      return c.assign(article).similarity;
    };
    // Shares its one rare word with one member only: the mean of the two best member links halves.
    const stray = headline("q1", "Lighthouse museum opens");
    expect(similarity(2, stray)).toBeLessThan(similarity(1, stray) * 0.8);
    // Shares the story's words with every member: hardly changed.
    const same = headline("q2", "Ferry fares rise once more");
    expect(similarity(2, same)).toBeGreaterThan(similarity(1, same) * 0.9);
    // A full text (past `fullTerms` terms) keeps the best member alone.
    const long: ClusterArticle = { id: "q3", title: "Lighthouse museum opens", text: words.join(" ") };
    expect(similarity(3, long)).toBe(similarity(1, long));
  });

  it("merges two events of headlines at the short merge threshold, two events of full texts at the full one", () => {
    const filler = Array.from(
      { length: 60 },
      (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const pairs = (text: string, threshold: number, shortThreshold: number) => {
      // The merge thresholds alone: the lone "z" would otherwise be offered to "y" by the join rule (tested below).
      const c = createClusterer({ rejoinSingletons: false });
      const a = (id: string, title: string): ClusterArticle => ({ id, title, text });
      c.add(a("a1", "Harbour ferry fares rise again"), "x");
      c.add(a("a2", "Ferry fares rise for commuters"), "x");
      c.add(a("b1", "Commuters angry as harbour fares climb"), "y");
      c.add(a("b2", "Harbour commuters protest fares"), "y");
      c.add(a("o1", "Mountain road closed by snow"), "z");
      return c.mergeCandidates(["y"], threshold, shortThreshold).map((p) => [p.survivor, p.other]);
    };
    // Headlines (profiles about 0.5 alike): the short threshold applies, or nearly.
    expect(pairs("", 0.6, 0.6)).toEqual([]);
    expect(pairs("", 0.6, 0.2)).toEqual([["x", "y"]]);
    // Full texts (sharing their filler, about 0.9 alike): the full threshold applies, whatever the short one.
    expect(pairs(filler.join(" "), 0.8, 0.2)).toEqual([
      ["x", "y"],
      ["y", "z"],
    ]);
    expect(pairs(filler.join(" "), 0.95, 0.2)).toEqual([]);
  });

  it("counts an article's new words in its length: a long text of new names is not judged as a headline", () => {
    const novel = Array.from(
      { length: 30 },
      (_, i) => `novel${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const c = createClusterer();
    c.add({ id: "a", title: "Harbour ferry fares rise again", text: "" }, "x");
    c.add({ id: "b", title: "Mountain road closed by snow", text: "" }, "y");
    // The same two shared words: the headline joins, the full text of otherwise unseen words starts its own event.
    expect(c.assign({ id: "q1", title: "Harbour ferry crews strike", text: "" }).eventId).toBe("x");
    const long = c.assign({ id: "q2", title: "Harbour ferry crews strike", text: novel.join(" ") });
    expect(long.similarity).toBeGreaterThan(c.options.shortThreshold);
    expect(long.eventId).toBeNull();
  });

  it("joins a headline to an event only when it shares two of the event's terms", () => {
    const assign = (minSharedTerms: number, title: string) => {
      const c = createClusterer({ minSharedTerms });
      c.add({ id: "a", title: "Americans ride public transit in record numbers", text: "" }, "x");
      c.add({ id: "b", title: "Mountain road closed by snow", text: "" }, "y");
      return c.assign({ id: "q", title, text: "" });
    };
    // One shared word scores above the headline threshold, but is not enough.
    const stray = "American and Skyway end ticketing pact";
    expect(assign(0, stray).eventId).toBe("x");
    expect(assign(2, stray)).toEqual({ eventId: null, similarity: assign(0, stray).similarity });
    expect(assign(2, "Public transit ridership hits record").eventId).toBe("x");
  });

  it("lets a headline that came before its story took shape join it in the second pass", () => {
    const eruption = [
      {
        id: "b",
        title: "Thousands evacuated as Indonesia's Kelud volcano erupts",
        text: "Indonesian authorities evacuated more than 100,000 villagers on Friday after the Kelud volcano in East Java erupted overnight, sending ash ten kilometres into the sky. Three airports, in Surabaya, Yogyakarta and Solo, were closed as ash fell on towns up to 500 kilometres away. Rescue workers said two people were killed when a roof collapsed under the weight of wet ash. Villagers wearing masks fled in trucks and on motorcycles as gravel rained on their homes.",
      },
      {
        id: "c",
        title: "Kelud eruption: ash closes Java airports",
        text: "Ash from the eruption of Mount Kelud closed three airports on Java on Friday, stranding thousands of travellers. The volcano erupted late on Thursday, hours after officials raised its alert to the highest level and ordered villagers within ten kilometres to leave. Lava flowed down the slopes and ash covered Yogyakarta. Two people died under a collapsed roof, the disaster agency said, and more than 100,000 people were in shelters.",
      },
    ];
    const events = (rejoinSingletons: boolean) => {
      const c = createClusterer({ rejoinSingletons });
      let n = 0;
      const first = [
        { id: "a", title: "Villagers flee as Kelud spews lava", text: "" },
        { id: "o", title: "Parliament passes budget after all-night session", text: "" },
      ];
      for (const article of [...first, ...eruption]) {
        const newId = () => `e${++n}`;
        const { eventId } = c.ingest(article, newId);
        secondPass(c, eventId, newId);
      }
      return ["a", "o", "b", "c"].map((id) => c.eventOf(id));
    };
    // The first full text does not reach the join threshold of a full text against the headline alone; the
    // headline reaches its own threshold against the story the two full texts make, and its older event survives.
    expect(events(false)).toEqual(["e1", "e2", "e3", "e3"]);
    expect(events(true)).toEqual(["e1", "e2", "e1", "e1"]);
  });
});

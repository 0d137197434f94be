import { describe, expect, it } from "vitest";
import { createClusterer, type Clusterer } from "@/lib/cluster/clusterer";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { secondPass } from "@/lib/cluster/second-pass";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";
import { reloaded } from "@/tests/support/reloaded";

const ecb = readLabelledCorpus("ecbplus.jsonl");
const articlesOf = (gold: string) => ecb.filter((x) => x.gold === gold).map((x) => x.article);
// ECB+ topic 2: two Oscar-host announcements (Hugh Jackman, 2008; Ellen DeGeneres, 2013); topic 7: two Klitschko
// title defences (against Rahman, against Thompson). Each pair shares most of its vocabulary.
const sisters = [
  ["2_ecb", "2_ecbplus"],
  ["7_ecb", "7_ecbplus"],
];

describe("splitting an event that holds two stories of one kind", () => {
  it.each(sisters)("moves %s's sister story to a new event; the first article's side keeps the id", (a, b) => {
    const c = createClusterer();
    const one = [...articlesOf(a), ...articlesOf(b)];
    for (const article of one) c.add(article, "mixed");
    const moving = c.splitCandidate("mixed");
    expect(moving).not.toBeNull();
    expect(new Set(moving)).toEqual(new Set(articlesOf(b).map((x) => x.id)));
    c.split("mixed", moving!, "new");
    expect(c.members("mixed")).toEqual(articlesOf(a).map((x) => x.id));
    expect(c.members("new")).toEqual(articlesOf(b).map((x) => x.id));
    expect(c.eventCount).toBe(2);
  });

  it("leaves one story whole", () => {
    const c = createClusterer();
    for (const article of articlesOf("13_ecb").slice(0, 16)) c.add(article, "s");
    expect(c.splitCandidate("s")).toBeNull();
  });

  it("checks an event each time it grew by a tenth, not at every article", () => {
    const c = createClusterer();
    const sister = articlesOf("2_ecbplus");
    for (const article of [...articlesOf("2_ecb"), ...sister.slice(0, 6)]) c.add(article, "m");
    expect(c.splitCandidate("m")).not.toBeNull(); // 16 members
    expect(c.splitCandidate("m")).toBeNull(); // checked at this size already
    c.add(sister[6], "m");
    expect(c.splitCandidate("m")).not.toBeNull(); // 17: next in the schedule (… 13, 15, 17, 19 …)
    c.add(sister[7], "m");
    expect(c.splitCandidate("m")).toBeNull(); // 18: the next check is at 19, though the event is as mixed
  });

  it.each(["12", "35"])(
    "does not merge two events that would be split again (topic %s, whose dates do not tell them apart)",
    (topic) => {
      const pairsOf = (c: Clusterer) => {
        for (const article of articlesOf(`${topic}_ecb`)) c.add(article, "a");
        for (const article of articlesOf(`${topic}_ecbplus`)) c.add(article, "b");
        return c.mergeCandidates(["b"], 0.3);
      };
      expect(pairsOf(createClusterer({ splitNcut: 0 })).map((p) => p.other)).toEqual(["b"]);
      expect(pairsOf(createClusterer())).toEqual([]);
    },
  );

  it("never splits an event of headlines, whose nearest neighbours say little", () => {
    const c = createClusterer();
    for (const article of [...articlesOf("2_ecb"), ...articlesOf("2_ecbplus")]) c.add({ ...article, text: "" }, "h");
    expect(c.splitCandidate("h")).toBeNull();
    // One Google News story (the ECB and the strong euro, 10 March 2014): counted as full texts, its 20 headlines
    // would be cut in two; as headlines they are not checked.
    const story = readLabelledCorpus("uci-headlines.jsonl")
      .filter((x) => x.gold === "dPhGU51DcrolUIMxbRm0InaHGA2XM")
      .slice(0, 20);
    const split = (config: Parameters<typeof createClusterer>[0]) => {
      const d = createClusterer(config);
      for (const { article } of story) d.add(article, "story");
      return d.splitCandidate("story");
    };
    expect(split({ fullTerms: 1 })).not.toBeNull();
    expect(split({})).toBeNull();
  });

  it("streams ECB+ sister stories into separate events, and a restored state continues exactly", () => {
    const sample = seededShuffle(
      ecb.filter((x) => /^(12|35)_/.test(x.gold)),
      1,
    );
    const c = createClusterer();
    let n = 0;
    const newId = () => `e${++n}`;
    let splits = 0;
    const split = c.split;
    c.split = (...args) => {
      splits++;
      split(...args);
    };
    const head = sample.slice(0, 40);
    for (const { article } of head) secondPass(c, c.ingest(article, newId).eventId, newId);
    expect(splits).toBeGreaterThan(0);
    // Every event holds one story, and each story has one main event.
    const goldOf = new Map(sample.map((x) => [x.article.id, x.gold]));
    const stories = new Map<string, Set<string>>();
    for (const { article } of head) {
      const e = c.eventOf(article.id)!;
      stories.set(e, (stories.get(e) ?? new Set()).add(goldOf.get(article.id)!));
    }
    for (const golds of stories.values()) expect(golds.size).toBe(1);
    const restored = reloaded(c);
    let k = n;
    const restoredId = () => `e${++k}`;
    for (const { article } of sample.slice(40)) {
      const a = c.ingest(article, newId);
      const b = restored.ingest(article, restoredId);
      expect(b).toEqual(a);
      secondPass(c, a.eventId, newId);
      secondPass(restored, b.eventId, restoredId);
      expect(restored.eventOf(article.id)).toBe(c.eventOf(article.id));
    }
  });
});

import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClusterer } from "./clusterer";
import { readLabelledCorpus } from "./corpus";
import { seededShuffle } from "./shuffle";
import { readStateFile, writeStateFile } from "./state-file";
import type { ClusterArticle } from "./types";

const ecb = readLabelledCorpus("ecbplus.jsonl");

describe("clusterer state", () => {
  it("never changes an event's id as it grows", () => {
    const c = createClusterer();
    let n = 0;
    const firstId = new Map<string, string>();
    for (const { article } of seededShuffle(ecb, 3).slice(0, 300)) {
      const r = c.ingest(article, () => `e${++n}`);
      if (r.created) firstId.set(r.eventId, article.id);
    }
    // Every event is still named by the id it was created with, and holds the article that created it.
    for (const [eventId, creator] of firstId) expect(c.eventOf(creator)).toBe(eventId);
  });

  it("merges: the survivor keeps its id, the other resolves to it and its members move", () => {
    const c = createClusterer();
    const [a, b, x] = ecb.filter((r) => r.gold === "1_ecb").map((r) => r.article);
    c.add(a, "old");
    c.add(b, "new");
    c.add(x, "new");
    c.merge("old", "new");
    expect(c.resolve("new")).toBe("old");
    expect(c.eventOf(b.id)).toBe("old");
    expect(c.members("old")).toEqual([a.id, b.id, x.id]);
    expect(c.members("new")).toEqual([]);
    expect(c.eventCount).toBe(1);
    // A later article of the story joins the survivor.
    const next = ecb.filter((r) => r.gold === "1_ecb")[3].article;
    expect(c.assign(next).eventId).toBe("old");
  });

  it("finds two halves of one story as merge candidates, and not unrelated stories", () => {
    const c = createClusterer();
    const story = ecb.filter((r) => r.gold === "3_ecb").map((r) => r.article);
    const other = ecb.filter((r) => r.gold === "8_ecb").map((r) => r.article);
    story.slice(0, 4).forEach((a) => c.add(a, "s1"));
    story.slice(4, 8).forEach((a) => c.add(a, "s2"));
    other.slice(0, 4).forEach((a) => c.add(a, "o"));
    const pairs = c.mergeCandidates(["s2", "o"]);
    expect(pairs.map((p) => [p.survivor, p.other])).toEqual([["s1", "s2"]]);
  });

  it("restored from the state file, continues exactly as the uninterrupted clusterer", () => {
    const order = seededShuffle(ecb, 9).map((x) => x.article);
    const original = createClusterer();
    let n = 0;
    for (const a of order.slice(0, 450)) original.ingest(a, () => `e${++n}`);
    const dir = mkdtempSync(path.join(tmpdir(), "parallax-state-"));
    try {
      const file = path.join(dir, "state.bin");
      writeStateFile(file, original.exportState());
      const restored = createClusterer();
      restored.restorePacked(readStateFile(file));
      expect(restored.articleCount).toBe(original.articleCount);
      const go = (c: ReturnType<typeof createClusterer>) => {
        let k = n;
        return (a: ClusterArticle) => c.ingest(a, () => `e${++k}`);
      };
      const tail = order.slice(450, 650);
      const a1 = tail.map(go(original));
      expect(tail.map(go(restored))).toEqual(a1);
      expect(a1.some((r) => r.created) && a1.some((r) => !r.created)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

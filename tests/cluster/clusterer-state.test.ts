import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClusterer, type Clusterer } from "@/lib/cluster/clusterer";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";
import { readStateFile, writeStateFile } from "@/lib/cluster/state-file";
import { reloaded } from "@/tests/support/reloaded";
import type { ClusterArticle } from "@/lib/cluster/types";

const ecb = readLabelledCorpus("ecbplus.jsonl");

/** Ingests with new event ids numbered on from `n`. */
const placer = (c: Clusterer, n: number) => {
  let k = n;
  return (a: ClusterArticle) => c.ingest(a, () => `e${++k}`);
};

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
    for (const a of story.slice(0, 4)) c.add(a, "s1");
    for (const a of story.slice(4, 8)) c.add(a, "s2");
    for (const a of other.slice(0, 4)) c.add(a, "o");
    const pairs = c.mergeCandidates(["s2", "o"]);
    expect(pairs.map((p) => [p.survivor, p.other])).toEqual([["s1", "s2"]]);
  });

  it("restored from the state file, continues exactly as the uninterrupted clusterer", () => {
    const order = seededShuffle(ecb, 9).map((x) => x.article);
    const original = createClusterer();
    let n = 0;
    for (const a of order.slice(0, 450)) original.ingest(a, () => `e${++n}`);
    const restored = reloaded(original);
    expect(restored.articleCount).toBe(original.articleCount);
    const tail = order.slice(450, 650);
    const a1 = tail.map(placer(original, n));
    expect(tail.map(placer(restored, n))).toEqual(a1);
    expect(a1.some((r) => r.created) && a1.some((r) => !r.created)).toBe(true);
  });

  it("saves and loads merged events: the loaded clusterer answers and continues as the saved one", () => {
    const order = seededShuffle(ecb, 4).map((x) => x.article);
    const original = createClusterer();
    let n = 0;
    for (const a of order.slice(0, 300)) original.ingest(a, () => `e${++n}`);
    const pairs = original.mergeCandidates(
      Array.from({ length: n }, (_, i) => `e${i + 1}`),
      0.2,
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) original.merge(original.resolve(p.survivor), original.resolve(p.other));
    const restored = reloaded(original);
    expect(restored.eventCount).toBe(original.eventCount);
    for (const a of order.slice(0, 300)) expect(restored.eventOf(a.id)).toBe(original.eventOf(a.id));
    for (let i = 1; i <= n; i++) {
      expect(restored.resolve(`e${i}`)).toBe(original.resolve(`e${i}`));
      expect(restored.members(`e${i}`)).toEqual(original.members(`e${i}`));
      expect(restored.centralArticle(`e${i}`)).toBe(original.centralArticle(`e${i}`));
    }
    const tail = order.slice(300, 400);
    expect(tail.map(placer(restored, n))).toEqual(tail.map(placer(original, n)));
  });

  describe("a state that does not fit is refused, never loaded", () => {
    const c = createClusterer();
    for (const { article } of ecb.slice(0, 40)) c.ingest(article, () => article.id);
    const withFile = (body: (file: string, bytes: Buffer) => void) => {
      const dir = mkdtempSync(path.join(tmpdir(), "parallax-state-"));
      try {
        const file = path.join(dir, "state.bin");
        writeStateFile(file, c.exportState());
        body(file, readFileSync(file));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it("a damaged byte", () =>
      withFile((file, bytes) => {
        bytes[bytes.length >> 1] ^= 0x55;
        writeFileSync(file, bytes);
        expect(() => readStateFile(file)).toThrow(/not a usable clusterer state \(checksum/);
      }));

    it("a truncated file", () =>
      withFile((file, bytes) => {
        writeFileSync(file, bytes.subarray(0, bytes.length - 8));
        expect(() => readStateFile(file)).toThrow(/not a usable clusterer state/);
      }));

    it("a file of another kind (the old JSON-headed format)", () =>
      withFile((file) => {
        writeFileSync(file, Buffer.concat([Buffer.from([12, 0, 0, 0]), Buffer.from('{"version":1}')]));
        expect(() => readStateFile(file)).toThrow(/not a usable clusterer state \(unknown format/);
      }));

    it("a state saved under other options", () =>
      withFile((file) => {
        expect(() => createClusterer({ threshold: 0.5 }).restoreState(readStateFile(file))).toThrow(/other options/);
      }));

    it("a state whose indexes point outside it", () => {
      const s = c.exportState();
      s.postings = s.postings.slice();
      s.postings[0] = s.events.length;
      expect(() => createClusterer().restoreState(s)).toThrow(/inconsistent: postings out of range/);
    });

    it("a state that names one term twice", () => {
      const s = c.exportState();
      s.terms = { ...s.terms, names: [...s.terms.names] };
      s.terms.names[1] = s.terms.names[0];
      expect(() => createClusterer().restoreState(s)).toThrow(/inconsistent: term ".+" twice/);
    });

    it("into a clusterer that already holds articles", () =>
      withFile((file) => {
        expect(() => c.restoreState(readStateFile(file))).toThrow(/empty clusterer/);
      }));
  });
});

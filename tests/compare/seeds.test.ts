// The comparison of the five seed dumps of one event (Putin–Witkoff meeting, April 2025). The articles are read
// back from the database and compared as one event whatever the clusterer makes of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { createTempDb } from "@/tests/support/temp-db";
import { sharedPath } from "@/tests/support/shared";
import { buildComparison } from "@/lib/compare/build";
import { getComparison } from "@/lib/compare/cache";
import type { Comparison, SharedGroup } from "@/lib/compare/schema";

let comparison: Comparison;
let temp: Awaited<ReturnType<typeof createTempDb>>;

beforeAll(async () => {
  temp = await createTempDb();
  await ingestInputs([sharedPath("seeds")], { db: temp.db });
  const articles = await temp.db.article.findMany({
    select: { id: true, title: true, text: true, publishedAt: true, byline: true, source: true },
  });
  comparison = buildComparison(articles);
});

afterAll(async () => {
  await temp?.cleanup();
});

const groupWith = (pattern: RegExp) => comparison.shared.filter((g) => g.sentences.some((s) => pattern.test(s.text)));
/** How many outlets reported the sentence matching `pattern`: its group's count, or 1 when only its own outlet did. */
function reach(pattern: RegExp): number {
  const article = comparison.articles.find((a) => a.sentences.some((s) => pattern.test(s.text)));
  if (!article) throw new Error(`no sentence matches ${pattern}`);
  const sentence = article.sentences.find((s) => pattern.test(s.text))!;
  if (sentence.groupId === null) {
    expect(sentence.unique).toBe(true);
    return 1;
  }
  return comparison.shared.find((g: SharedGroup) => g.id === sentence.groupId)!.outletCount;
}

describe("shared reporting on the seeds", () => {
  it("compares five outlets", () => {
    expect(comparison.outletCount).toBe(5);
    expect(comparison.articles).toHaveLength(5);
  });

  it("finds the three-hour meeting reported by at least three outlets", () => {
    const groups = groupWith(/three[- ]hours?\b/i).filter((g) => g.outletCount >= 3);
    expect(groups.length).toBeGreaterThan(0);
  });

  it("finds Ushakov's 'constructive' remark reported by at least three outlets", () => {
    const groups = groupWith(/constructive/i).filter(
      (g) => g.outletCount >= 3 && g.sentences.filter((s) => /constructive/i.test(s.text)).length >= 3,
    );
    expect(groups.length).toBeGreaterThan(0);
  });

  it("keeps one sentence per article in each group", () => {
    for (const g of comparison.shared) {
      const ids = g.sentences.map((s) => s.articleId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("shows the U.S. plan's recognition of Crimea, 'Vladimir, STOP!' and Lavrov's interview as reported by only some", () => {
    expect(reach(/formal American recognition of Russia's control over Crimea/)).toBeLessThanOrEqual(2);
    expect(reach(/Vladimir, STOP!/)).toBe(1);
    expect(reach(/Lavrov said in an interview on CBS/)).toBeLessThanOrEqual(2);
  });
});

describe("quote tracker on the seeds", () => {
  it("groups Ushakov's 'positions closer' statement across outlets despite different wording", () => {
    const group = comparison.quotes.find((q) => /This conversation allowed/.test(q.text));
    expect(group).toBeDefined();
    expect(group!.speaker).toBe("Yuri Ushakov");
    expect(group!.outletCount).toBeGreaterThanOrEqual(3);
    const wordings = new Set(group!.variants.map((v) => v.text));
    expect(wordings.size).toBeGreaterThanOrEqual(2);
    // A variant worded differently from the reference carries insertions and deletions.
    expect(group!.variants.some((v) => v.diff.some((d) => d.op === "ins") && v.diff.some((d) => d.op === "del"))).toBe(
      true,
    );
  });

  it("attributes Trump's post and Lavrov's words", () => {
    expect(comparison.quotes.find((q) => /Vladimir, STOP!/.test(q.text))?.speaker).toBe("Donald Trump");
    expect(comparison.quotes.find((q) => /busy with this exact process/.test(q.text))?.speaker).toBe("Sergei Lavrov");
  });
});

describe("entities and cache on the seeds", () => {
  it("counts the people named by every outlet", () => {
    const putin = comparison.entities.find((e) => e.key === "person:putin");
    expect(putin?.name).toBe("Vladimir Putin");
    expect(putin?.counts).toHaveLength(5);
    expect(comparison.entities.find((e) => e.key === "place:crimea")?.type).toBe("place");
  });

  it("stores the comparison at ingest time and serves it from the cache", async () => {
    const events = await temp.db.event.findMany({ where: { mergedIntoId: null }, select: { id: true } });
    const rows = await temp.db.eventComparison.findMany();
    expect(rows.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    const first = await getComparison(temp.db, events[0].id);
    const second = await getComparison(temp.db, events[0].id);
    expect(first && "version" in first && second && "version" in second).toBe(true);
    expect((second as { computedAt: string }).computedAt).toBe((first as { computedAt: string }).computedAt);
  });
});

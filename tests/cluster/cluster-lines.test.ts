import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScriptSync } from "@/tests/support/run-script";
import { clusterLines } from "@/lib/cluster/cluster-lines";
import { parseInputLine } from "@/lib/cluster/jsonl-input";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";

const quake1 = {
  id: 1,
  title: "Strong earthquake shakes northern Chile",
  text: "A magnitude 7.1 earthquake shook northern Chile near Iquique on Tuesday, cutting power.",
};
const quake2 = {
  id: "q-2",
  title: "Magnitude 7.1 quake hits northern Chile near Iquique",
  text: "The earthquake shook Iquique in northern Chile, cutting power to thousands.",
  publishedAt: "2014-04-02T01:00:00Z",
};
const budget = {
  id: 3,
  title: "Parliament passes the annual budget",
  text: "Lawmakers approved the spending plan after a long debate over taxes.",
};

describe("parseInputLine", () => {
  it("accepts numeric and string ids, optional fields and ISO or epoch dates", () => {
    const a = parseInputLine(JSON.stringify(quake2), 4);
    expect(a.ok && a.id).toBe("q-2");
    expect(a.ok && a.article.publishedAt?.toISOString()).toBe("2014-04-02T01:00:00.000Z");
    const b = parseInputLine(JSON.stringify({ id: 7, title: "x", publishedAt: 0 }), 1);
    expect(b.ok && b.article).toMatchObject({ id: "line:1", text: "", publishedAt: new Date(0) });
  });

  it("explains what is wrong with a bad line", () => {
    expect(parseInputLine("{", 1)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid JSON/) });
    expect(parseInputLine(JSON.stringify({ title: "x" }), 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^id:/),
    });
    expect(parseInputLine(JSON.stringify({ id: 1, title: "x", publishedAt: "soon" }), 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid date/),
    });
  });
});

describe("clusterLines", () => {
  it("names events in creation order and reports bad lines without stopping", async () => {
    const out: unknown[] = [];
    const errs: unknown[] = [];
    const lines = [quake1, budget, "", "oops", quake2].map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
    const summary = await clusterLines(
      lines,
      (r) => out.push(r),
      (e) => errs.push(e),
    );
    expect(out).toEqual([
      { id: 1, event: "e1" },
      { id: 3, event: "e2" },
      { id: "q-2", event: "e1" },
    ]);
    expect(errs).toEqual([{ line: 4, error: expect.stringMatching(/invalid JSON/) }]);
    expect(summary).toEqual({ articles: 3, events: 2, errors: 1 });
  });
});

describe("clusterLines runs the app's clusterer, second pass included", () => {
  it("reports the events as they stand at the end: merged and split as in the app, not as first placed", async () => {
    // ECB+ topics 12 and 35 (two navy operations, two DUI arrests): in this order each pair first shares an event,
    // which the second pass splits (lib/cluster/split.test.ts).
    const sample = seededShuffle(
      readLabelledCorpus("ecbplus.jsonl").filter((x) => /^(12|35)_/.test(x.gold)),
      1,
    ).slice(0, 40);
    const lines = sample.map((x, i) => JSON.stringify({ id: i, title: x.article.title, text: x.article.text }));
    const out: { id: string | number; event: string }[] = [];
    const summary = await clusterLines(
      lines,
      (r) => out.push(r),
      () => undefined,
    );
    expect(out.map((r) => r.id)).toEqual(sample.map((_, i) => i));
    const stories = new Map<string, Set<string>>();
    out.forEach((r, i) => {
      stories.set(r.event, (stories.get(r.event) ?? new Set()).add(sample[i].gold));
    });
    for (const golds of stories.values()) expect(golds.size).toBe(1);
    expect(new Set(out.map((r) => r.event)).size).toBe(summary.events);
    // Placement alone leaves each pair in one event.
    const placedOnly = await clusterLines(
      lines,
      () => undefined,
      () => undefined,
      { splitNcut: 0, mergeThreshold: 2, rejoinSingletons: false },
    );
    expect(placedOnly.events).toBeLessThan(summary.events);
  });
});

describe("npm run cluster", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-cluster-"));
  const cli = (...args: string[]) => runScriptSync("cluster", args);

  it("prints one {id, event} per article in file order", () => {
    const file = path.join(dir, "ok.jsonl");
    writeFileSync(file, `${[quake1, budget, quake2].map((x) => JSON.stringify(x)).join("\n")}\n`);
    const r = cli(file);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 1, event: "e1" },
      { id: 3, event: "e2" },
      { id: "q-2", event: "e1" },
    ]);
  });

  it("exits 1 after reporting a bad line on stderr, still clustering the rest", () => {
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, [JSON.stringify(quake1), JSON.stringify({ id: 2 }), JSON.stringify(budget)].join("\n"));
    const r = cli(file);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
    expect(r.stderr).toContain('{"line":2,"error":"title:');
  });

  it("exits 2 with a clear message for a missing file or no argument", () => {
    const missing = cli(path.join(dir, "nope.jsonl"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage:");
  });
});

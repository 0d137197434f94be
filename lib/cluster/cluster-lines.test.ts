import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScriptSync } from "@/tests/support/run-script";
import { clusterLines } from "./cluster-lines";
import { parseInputLine } from "./jsonl-input";

const quake1 = { id: 1, title: "Strong earthquake shakes northern Chile", text: "A magnitude 7.1 earthquake shook northern Chile near Iquique on Tuesday, cutting power." };
const quake2 = { id: "q-2", title: "Magnitude 7.1 quake hits northern Chile near Iquique", text: "The earthquake shook Iquique in northern Chile, cutting power to thousands.", publishedAt: "2014-04-02T01:00:00Z" };
const budget = { id: 3, title: "Parliament passes the annual budget", text: "Lawmakers approved the spending plan after a long debate over taxes." };

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
    expect(parseInputLine(JSON.stringify({ title: "x" }), 1)).toMatchObject({ ok: false, error: expect.stringMatching(/^id:/) });
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
    const summary = await clusterLines(lines, (r) => out.push(r), (e) => errs.push(e));
    expect(out).toEqual([
      { id: 1, event: "e1" },
      { id: 3, event: "e2" },
      { id: "q-2", event: "e1" },
    ]);
    expect(errs).toEqual([{ line: 4, error: expect.stringMatching(/invalid JSON/) }]);
    expect(summary).toEqual({ articles: 3, events: 2, errors: 1 });
  });
});

describe("npm run cluster", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-cluster-"));
  const cli = (...args: string[]) => runScriptSync("cluster", args);

  it("prints one {id, event} per article in file order", () => {
    const file = path.join(dir, "ok.jsonl");
    writeFileSync(file, [quake1, budget, quake2].map((x) => JSON.stringify(x)).join("\n") + "\n");
    const r = cli(file);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l))).toEqual([
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

// The command-line tools, run as a user runs them (through tsx, with their real argument parsing and exit codes).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longText } from "./support/long-text";
import { runScriptSync } from "./support/run-script";
import { projectRoot, seedFiles } from "./support/shared";
import { createTempDbUrl } from "./support/temp-db";

const run = runScriptSync;

describe("npm run extract", () => {
  it("prints one JSON object per seed with the cleaned article and its metadata", () => {
    const files = seedFiles();
    const { code, stdout } = run("extract", files);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const [i, line] of lines.entries()) {
      expect(Object.keys(line).sort()).toEqual([
        "byline",
        "file",
        "language",
        "publishedAt",
        "source",
        "text",
        "title",
        "url",
      ]);
      expect(line.file).toBe(files[i]);
      expect(line.language).toBe("en");
      expect(line.text).not.toMatch(/\n\n\n/);
    }
    const cgtn = lines[4];
    expect(cgtn.source).toEqual({ name: "CGTN", domain: "cgtn.com" });
    expect(cgtn.publishedAt).toBe("2025-04-26T00:00:00.000Z");
    expect(cgtn.text).not.toContain("阅读原文");
  });

  it("reports a failing file as {file, error} and goes on with the rest", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parallax-extract-"));
    const empty = path.join(dir, "empty.txt");
    writeFileSync(empty, "");
    const [first] = seedFiles();
    const { code, stdout } = run("extract", [empty, path.join(dir, "missing.html"), first!]);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ file: empty, error: expect.stringMatching(/empty/) });
    expect(lines[1]).toEqual({ file: path.join(dir, "missing.html"), error: expect.stringMatching(/no such file/) });
    expect(lines[2].title).toMatch(/^Kremlin says/);
  });

  it("refuses a device file and a FIFO as not regular files and goes on (issue #16)", () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), "parallax-extract-")), "pipe.html");
    execFileSync("mkfifo", [fifo]);
    const [first] = seedFiles();
    const { code, stdout } = run("extract", ["/dev/zero", fifo, first!]);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ file: "/dev/zero", error: "not a regular file: /dev/zero" });
    expect(lines[1]).toEqual({ file: fifo, error: `not a regular file: ${fifo}` });
    expect(lines[2].title).toMatch(/^Kremlin says/);
  });

  // Issue #16: process.exit() dropped what stdout still queued for a pipe, so piped output stopped at 64 KiB.
  it("writes all of a large result through a pipe", () => {
    const paragraphs = Array.from(
      { length: 4000 },
      (_, i) => `Paragraph ${i} of the long report says the harbour bridge reopened after repairs, and more.`,
    );
    const page = path.join(mkdtempSync(path.join(tmpdir(), "parallax-extract-")), "big.html");
    writeFileSync(
      page,
      `<html><head><title>A long report</title></head><body><article><h1>A long report</h1>${paragraphs
        .map((p) => `<p>${p}</p>`)
        .join("\n")}</article></body></html>`,
    );
    // runScriptSync reads the child's stdout through a pipe, as `| wc -c` does.
    const { code, stdout } = run("extract", [page]);
    expect(code).toBe(0);
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(4 * 65536);
    const [line, ...rest] = stdout.split("\n").filter(Boolean);
    expect(rest).toEqual([]);
    expect(JSON.parse(line!).text.split("\n\n")).toEqual(paragraphs);
  });

  it("fails a file past EXTRACT_TIMEOUT_MS with that reason, extracts the next, and ends", () => {
    // A 19 MB hard-wrapped dump: the text-dump extractor needs tens of seconds for it.
    const slow = path.join(mkdtempSync(path.join(tmpdir(), "parallax-extract-")), "hard-wrapped.txt");
    writeFileSync(slow, longText(19_000_000).replace(/(.{72}) /g, "$1\n"));
    const [first] = seedFiles();
    const { code, stdout } = run("extract", [slow, first!], { EXTRACT_TIMEOUT_MS: "2000" });
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error ?? "ok")).toEqual(["extraction took longer than 2 s", "ok"]);
    expect(code).toBe(1);
  });

  it("takes the original URL from --url and refuses a malformed one", () => {
    const [, ani] = seedFiles();
    const ok = run("extract", ["--url", "https://www.aninews.in/news/world/putin-meets-witkoff/", ani!]);
    expect(JSON.parse(ok.stdout).url).toBe("https://www.aninews.in/news/world/putin-meets-witkoff/");
    const bad = run("extract", ["--url", "javascript:alert(1)", ani!]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--url must be an http\(s\) URL/);
  });

  it("explains its usage when given no file", () => {
    const { code, stderr } = run("extract", []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run --silent extract/);
  });
});

describe("npm run ingest", () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parallax-ingest-cli-"));
    const temp = await createTempDbUrl(dir);
    env = { DATABASE_URL: temp.url };
    drop = temp.drop;
  });
  afterAll(() => drop());

  it("imports the seeds, then reports them all as duplicates on the second run", () => {
    const first = run("ingest", [path.join(projectRoot, "..", "shared", "seeds")], env);
    expect(first.stdout).toMatch(/new: 5, updated: 0, duplicate: 0, failed: 0/);
    expect(first.stdout).toMatch(/events: \/events\/1$/m);
    expect(first.code).toBe(0);
    const second = run("ingest", [path.join(projectRoot, "..", "shared", "seeds")], env);
    expect(second.stdout).toMatch(/new: 0, updated: 0, duplicate: 5, failed: 0/);
  });

  it("lists each failure with its reason and exits non-zero", () => {
    const { code, stdout } = run("ingest", ["/nonexistent/page.html"], env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/failed: 1/);
    expect(stdout).toMatch(/failed {2}\/nonexistent\/page\.html: no such file or directory/);
  });

  it("refuses to run without inputs", () => {
    const { code, stderr } = run("ingest", [], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run ingest/);
  });

  it("refuses a malformed DATABASE_URL with a readable message", () => {
    const { code, stderr } = run("ingest", ["x"], { DATABASE_URL: "mysql://nope" });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/DATABASE_URL must be a SQLite URL/);
  });
});

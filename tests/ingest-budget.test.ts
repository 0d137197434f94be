// Issue #16, High: extraction ran on the thread that answers readers, with no time budget, so one page the
// extractor was slow on stalled the web server for as long as it took. Extraction now runs in a worker thread with
// a budget of time and memory per input; an input that overruns fails with the reason and the run goes on.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractor, type Extractor } from "@/lib/extract/bounded-extractor";
import { extractDocument } from "@/lib/extract/document";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { longText } from "./support/long-text";
import { projectRoot, seedFiles } from "./support/shared";
import { createTempDb } from "./support/temp-db";

describe("extraction under a budget, in a worker", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  const extractors: Extractor[] = [];
  const extractor = (options: Parameters<typeof createExtractor>[0]) => {
    const made = createExtractor(options);
    extractors.push(made);
    return made;
  };
  // A 19 MB hard-wrapped text dump (under the 20 MiB input limit): the text-dump extractor needs tens of seconds
  // for it, far beyond the 2 s budget below, while a seed takes tens of milliseconds.
  let slowDump: string;
  // A 10 MB HTML page: its parsed DOM needs hundreds of MB of heap.
  let bigPage: string;
  const [seed, otherSeed] = seedFiles();

  beforeAll(async () => {
    t = await createTempDb();
    slowDump = path.join(t.dir, "hard-wrapped.txt");
    writeFileSync(slowDump, longText(19_000_000).replace(/(.{72}) /g, "$1\n"));
    bigPage = path.join(t.dir, "giant.html");
    const body = longText(10_000_000)
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("\n");
    writeFileSync(
      bigPage,
      `<!DOCTYPE html><html><head><title>Giant</title></head><body><article>${body}</article></body></html>`,
    );
  });
  afterAll(async () => {
    await Promise.all(extractors.map((e) => e.close()));
    await t.cleanup();
  });

  it("returns exactly what extractDocument returns", async () => {
    const worker = extractor({});
    const testdata = path.resolve(import.meta.dirname, "../lib/extract/html/testdata");
    const files = [...seedFiles(), path.join(testdata, "german.html"), path.join(testdata, "news-graph.html")];
    for (const file of files) {
      const doc = () => ({ bytes: readFileSync(file), name: path.basename(file), url: "https://example.org/a" });
      expect(await worker.extract(doc())).toEqual(extractDocument(doc()));
    }
  });

  it("fails an input that overruns its time budget with that reason, and goes on with the next", async () => {
    const report = await ingestInputs([slowDump, seed!], { db: t.db, extractor: extractor({ timeoutMs: 2000 }) });
    expect(report.items.map((i) => (i.outcome === "failed" ? i.reason : i.outcome))).toEqual([
      "extraction took longer than 2 s",
      "new",
    ]);
    const failure = await t.db.ingestFailure.findFirstOrThrow({ where: { origin: slowDump } });
    expect(failure.reason).toBe("extraction took longer than 2 s");
  });

  it("fails an input that overruns its memory with that reason; the process and the next input carry on", async () => {
    const report = await ingestInputs([bigPage, otherSeed!], { db: t.db, extractor: extractor({ memoryMb: 64 }) });
    expect(report.items.map((i) => (i.outcome === "failed" ? i.reason : i.outcome))).toEqual([
      "extraction ran out of memory (64 MB)",
      "new",
    ]);
  });

  it("keeps no process alive once its extractions are done", () => {
    // No close(), no process.exit(): the idle worker must not hold the event loop open.
    const script = `import { createExtractor } from "@/lib/extract/bounded-extractor";
      createExtractor().extract({ bytes: Buffer.from(${JSON.stringify(readFileSync(seed!, "utf8"))}), name: "seed.txt" })
        .then(({ article }) => console.log(article.title));`;
    const child = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "-e", script], {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(child.status).toBe(0); // kept alive, it is killed at the timeout (tsx then exits with 143)
    expect(child.stdout).toMatch(/^Kremlin says/);
  }, 120_000);

  it("keeps the calling thread answering while a worker extracts", async () => {
    const worker = extractor({ timeoutMs: 2000 });
    await worker.extract({ bytes: readFileSync(seed!), name: "seed.txt" }); // started and warm
    // A timer on this thread, as the web server's requests would be: inline, the slow dump would hold it for the
    // whole extraction (tens of seconds); beside a worker it keeps ticking.
    let last = performance.now();
    let longestGap = 0;
    const tick = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    };
    const timer = setInterval(tick, 10);
    const report = await ingestInputs([slowDump], { db: t.db, extractor: worker });
    clearInterval(timer);
    tick(); // a stall at the very end shows here, since the interval could not fire after it
    expect(longestGap).toBeLessThan(1000);
    expect(report.items[0]).toMatchObject({ outcome: "failed", reason: "extraction took longer than 2 s" });
  }, 120_000);
});

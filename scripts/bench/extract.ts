// npm run bench:extract [-- --pages]: body-extraction quality (the scrapinghub benchmark's shingle F1) and speed
// of Parallax's extractor against Readability.js on linkedom, measured in the same run on the same pages.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { z } from "zod";
import { extractHtml } from "@/lib/extract/html";
import { clearClassHintCache } from "@/lib/extract/html/hints";
import { type PageMatch, matchPage, scoreCorpus } from "./extraction-score";
import { type CorpusPage, loadExtractionCorpus } from "./extraction-corpus";

type Extractor = (page: CorpusPage) => string;

const extractors: Record<string, Extractor> = {
  parallax: (page) => {
    try {
      return extractHtml(page.html, { url: page.url }).text;
    } catch {
      return "";
    }
  },
  readability: (page) => {
    const { document } = parseHTML(page.html);
    try {
      return new Readability(document as unknown as Document).parse()?.textContent ?? "";
    } catch {
      return "";
    }
  },
};

interface Run {
  name: string;
  matches: PageMatch[];
  pagesPerSecond: number;
  /** Seconds per timed round, for per-round ratios. */
  roundSeconds: number[];
}

/**
 * Extractors take turns round by round (a round = every page once), so that load from other processes on a
 * shared machine slows both alike and the speed ratio stays meaningful. Whole rounds rather than single pages,
 * so that one extractor's garbage is not collected on the other's clock. An untimed first pass warms up the JIT
 * and gives the predictions that are scored.
 */
function runAll(pages: CorpusPage[], rounds: number): Run[] {
  const entries = Object.entries(extractors);
  const seconds = entries.map(() => 0);
  const roundSeconds: number[][] = entries.map(() => []);
  const predictions = entries.map(([, extract]) => pages.map(extract));
  for (let round = 0; round < rounds; round++) {
    // Each round meets every site afresh, as an ingest run seeing these outlets for the first time would.
    clearClassHintCache();
    entries.forEach(([, extract], i) => {
      const start = process.hrtime.bigint();
      for (const page of pages) extract(page);
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      seconds[i] += elapsed;
      roundSeconds[i].push(elapsed);
    });
  }
  return entries.map(([name], i) => ({
    name,
    matches: pages.map((page, p) => matchPage(page.articleBody, predictions[i][p])),
    pagesPerSecond: (pages.length * rounds) / seconds[i],
    roundSeconds: roundSeconds[i],
  }));
}

const pages = loadExtractionCorpus();
const rounds = z
  .object({ BENCH_ROUNDS: z.coerce.number().int().positive().default(8) })
  .parse(process.env).BENCH_ROUNDS;
const runs = runAll(pages, rounds);

console.log(
  `Article extraction: ${pages.length} pages, ${rounds} timed rounds, extractors alternating round by round (decompression excluded)`,
);
console.log("extractor      precision  recall     F1   pages/s");
for (const r of runs) {
  const s = scoreCorpus(r.matches);
  console.log(
    `${r.name.padEnd(13)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(7)} ` +
      `${s.f1.toFixed(3).padStart(6)} ${r.pagesPerSecond.toFixed(1).padStart(9)}`,
  );
}
const [ours, theirs] = runs;
console.log(`speed ratio parallax/readability: ${(ours.pagesPerSecond / theirs.pagesPerSecond).toFixed(1)}x`);
// On a shared machine a burst of load can land on one extractor's round; the median of per-round ratios
// (each pair of rounds run back to back) is steadier than the ratio of totals.
const ratios = ours.roundSeconds.map((s, i) => theirs.roundSeconds[i] / s).sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(
  `per-round speed ratio: median ${median.toFixed(1)}x (range ${ratios[0].toFixed(1)}–${ratios.at(-1)!.toFixed(1)}x)`,
);

if (process.argv.includes("--pages")) {
  // Per-page figures, worst first, to see where the extractor loses.
  const rows = pages.map((page, i) => {
    const m = ours.matches[i];
    const r = theirs.matches[i];
    const p = m.tp + m.fp ? m.tp / (m.tp + m.fp) : 0;
    const rec = m.tp + m.fn ? m.tp / (m.tp + m.fn) : 0;
    const rp = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 0;
    const rr = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 0;
    return { id: page.id.slice(0, 8), host: new URL(page.url).hostname, p, rec, rp, rr };
  });
  rows.sort((a, b) => a.p + a.rec - (b.p + b.rec));
  for (const row of rows) {
    console.log(
      `${row.id} P ${row.p.toFixed(2)} R ${row.rec.toFixed(2)} | readability P ${row.rp.toFixed(2)} R ${row.rr.toFixed(2)}  ${row.host}`,
    );
  }
}

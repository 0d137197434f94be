// Loads the article-extraction corpus from ../shared (never copied into the repo), decompressed up front so
// benchmarks time extraction only.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const EXTRACTION_CORPUS = path.resolve(PROJECT_ROOT, "../shared/corpora/extraction");

const GroundTruth = z.record(z.string(), z.object({ url: z.string(), articleBody: z.string() }));

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
  articleBody: string;
}

export function loadExtractionCorpus(dir = EXTRACTION_CORPUS): CorpusPage[] {
  const truthFile = path.join(dir, "ground-truth.json");
  if (!existsSync(truthFile)) {
    throw new Error(`Extraction corpus not found at ${dir} (expected ground-truth.json and html/*.html.gz there).`);
  }
  const truth = GroundTruth.parse(JSON.parse(readFileSync(truthFile, "utf8")));
  const pages: CorpusPage[] = [];
  for (const file of readdirSync(path.join(dir, "html")).sort()) {
    if (!file.endsWith(".html.gz")) continue;
    const id = file.slice(0, -".html.gz".length);
    const expected = truth[id];
    if (!expected) continue;
    const html = gunzipSync(readFileSync(path.join(dir, "html", file))).toString("utf8");
    pages.push({ id, url: expected.url, html, articleBody: expected.articleBody });
  }
  return pages;
}

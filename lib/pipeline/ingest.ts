// The ingest pipeline: input → extract → store → cluster. Each input succeeds or fails on its own; a failure is
// recorded with its reason and the run goes on. Inputs are processed one at a time, in order, because the
// clusterer's result depends on arrival order and must be reproducible.
import path from "node:path";
import { saveArticle, type SaveOutcome } from "@/lib/articles/mutations";
import { clusterArticle, saveClusterState } from "@/lib/cluster/assign-event";
import { refreshComparison } from "@/lib/compare/cache";
import type { Db } from "@/lib/db";
import type { Extractor } from "@/lib/extract/bounded-extractor";
import type { RawDocument } from "@/lib/extract/document";
import { fetchPage } from "@/lib/net/fetch-page";
import { defaultExtractor } from "@/lib/pipeline/extractor";
import { describeInput, expandInputs, type IngestInput } from "@/lib/pipeline/inputs";
import { readInputFile } from "@/lib/pipeline/read-input-file";

export interface IngestOptions {
  db: Db;
  /** Hosts that may be fetched although they resolve to private addresses (test fixture servers only). */
  allowHosts?: string[];
  onProgress?: (done: number, total: number, current: string) => void;
  /** Extraction with its time and memory budget; the process's shared worker (lib/pipeline/extractor.ts) if not given. */
  extractor?: Extractor;
}

export type ItemResult =
  | { input: string; outcome: SaveOutcome; articleId: number; eventId: number; title: string }
  | { input: string; outcome: "failed"; reason: string };

export interface IngestReport {
  counts: Record<SaveOutcome | "failed", number>;
  items: ItemResult[];
}

export async function ingestInputs(args: string[], options: IngestOptions): Promise<IngestReport> {
  const inputs = await expandInputs(args);
  const report: IngestReport = { counts: { new: 0, updated: 0, duplicate: 0, failed: 0 }, items: [] };
  for (const [index, input] of inputs.entries()) {
    options.onProgress?.(index, inputs.length, describeInput(input));
    const result = await ingestInput(input, options);
    report.counts[result.outcome]++;
    report.items.push(result);
  }
  options.onProgress?.(inputs.length, inputs.length, "");
  // The next process (npm start, another import) then loads the clusterer's index instead of rebuilding it.
  await saveClusterState(options.db);
  return report;
}

export async function ingestInput(input: IngestInput, options: IngestOptions): Promise<ItemResult> {
  const origin = input.kind === "url" ? input.url : path.resolve(input.kind === "file" ? input.path : input.path);
  try {
    const doc = await loadInput(input, options);
    const result = await ingestDocument(options.db, doc, { origin }, options.extractor);
    await options.db.ingestFailure.deleteMany({ where: { origin } });
    return { input: describeInput(input), ...result };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await options.db.ingestFailure.create({ data: { origin, reason } });
    return { input: describeInput(input), outcome: "failed", reason };
  }
}

/**
 * Extracts, stores and clusters one document. Safe to repeat: a stored article is not stored again. Extraction
 * runs in a worker thread under a time and memory budget, so that a hostile page neither stalls the thread that
 * answers readers (npm start polls feeds in the web server's process) nor takes the process down.
 */
export async function ingestDocument(
  db: Db,
  doc: RawDocument,
  meta: { origin: string; feedId?: number | null; status?: "complete" | "partial" },
  extractor: Extractor = defaultExtractor(),
) {
  const saved = await storeDocument(db, doc, meta, extractor);
  // Clustering runs even for a duplicate: an earlier run may have been killed between storing and clustering.
  const { eventId } = await clusterArticle(db, saved.articleId);
  await refreshComparison(db, eventId).catch((e) =>
    console.warn(`comparison of event ${eventId} failed: ${e instanceof Error ? e.message : e}`),
  );
  return { ...saved, eventId };
}

/**
 * Extracts and stores one document without placing it (eventId null): the job queue (lib/jobs) places articles
 * in a job of its own. Safe to repeat, as ingestDocument.
 */
export async function storeDocument(
  db: Db,
  doc: RawDocument,
  meta: { origin: string; feedId?: number | null; status?: "complete" | "partial" },
  extractor: Extractor = defaultExtractor(),
) {
  const { article, format, content } = await extractor.extract(doc);
  const saved = await saveArticle(db, { article, format, content, ...meta });
  return { outcome: saved.outcome, articleId: saved.id, eventId: null as number | null, title: article.title };
}

async function loadInput(input: IngestInput, options: IngestOptions): Promise<RawDocument> {
  if (input.kind === "missing") throw new Error(`no such file or directory: ${input.path}`);
  if (input.kind === "url") {
    return fetchPage(input.url, {
      allowHosts: options.allowHosts,
      accept: "text/html,application/xhtml+xml,text/plain;q=0.8",
    });
  }
  return { bytes: await readInputFile(input.path), name: path.basename(input.path) };
}

// Bulk load of an article archive (`npm run import:archive -- FILE.jsonl[.gz]`): one JSON object a line,
// {url, title, text, publishedAt, source}, text already clean. The same store and cluster stages as ingest, but
// batched: each batch of lines is validated, then stored in one transaction (the per-article path pays a
// transaction and its sync per article), then clustered in arrival order; comparisons are refreshed once per
// touched event at the end instead of after every article. A bad line fails alone, with its line number, and is
// recorded in IngestFailure as "FILE:LINE"; the identity rules (canonical URL, content hash) make a rerun add
// nothing.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { compressRaw, type SaveOutcome, saveArticleIn } from "@/lib/articles/mutations";
import { clusterArticles, saveClusterState } from "@/lib/cluster/assign-event";
import { refreshComparison } from "@/lib/compare/cache";
import type { Db } from "@/lib/db";
import { canonicalUrl } from "@/lib/extract/canonical-url";
import { detectLanguage } from "@/lib/extract/language";
import type { ExtractedArticle, Outlet } from "@/lib/extract/types";
import { registrableDomain } from "@/lib/net/domain";
import { findOutletByDomain, findOutletByName } from "@/lib/outlets/known-outlets";
import { escapeHtmlText } from "@/lib/text/escape";

/** Lines stored per transaction. */
export const ARCHIVE_BATCH_SIZE = 500;

const date = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: `invalid date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return d;
});

/** One archive line. url, publishedAt and source may be missing or null; title and text may not be blank. */
export const archiveLineSchema = z.object({
  url: z
    .string()
    .nullish()
    .refine((u) => u == null || canonicalUrl(u) !== null, { message: "not an http(s) URL" }),
  title: z.string().trim().min(1, "title is empty"),
  text: z.string().trim().min(1, "text is empty"),
  publishedAt: date.nullish(),
  source: z.string().trim().min(1).nullish(),
});

export type ArchiveLine = z.infer<typeof archiveLineSchema>;

export interface ArchiveFailure {
  line: number;
  reason: string;
}

export interface ArchiveReport {
  file: string;
  lines: number;
  counts: Record<SaveOutcome | "failed", number>;
  failures: ArchiveFailure[];
  /** Events the load placed articles in (after merges), whose comparisons were refreshed. */
  events: number;
  /** Milliseconds spent in each stage, for the benchmark. */
  ms: { store: number; cluster: number; compare: number };
}

export interface ArchiveProgress {
  /** Bytes of the file read so far (compressed bytes for a .gz) and its size. */
  bytes: number;
  totalBytes: number;
  lines: number;
  counts: ArchiveReport["counts"];
}

export interface ArchiveOptions {
  db: Db;
  onProgress?: (progress: ArchiveProgress) => void;
  batchSize?: number;
}

const DOMAIN_LIKE = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/?$/i;

/**
 * The outlet a line names: `source` as a domain ("bbc.co.uk") or a name ("BBC News"); a name is keyed on the
 * article URL's domain, else on the catalogue's outlet of that name. Throws for a name that neither explains.
 */
export function archiveOutlet(line: Pick<ArchiveLine, "url" | "source">): Outlet | null {
  const fromUrl = line.url ? registrableDomain(line.url) : null;
  if (!line.source) {
    if (!fromUrl) return null;
    return { domain: fromUrl, name: findOutletByDomain(fromUrl)?.name ?? fromUrl };
  }
  if (DOMAIN_LIKE.test(line.source)) {
    const domain = registrableDomain(line.source);
    if (domain) return { domain, name: findOutletByDomain(domain)?.name ?? domain };
  }
  if (fromUrl) return { domain: fromUrl, name: line.source };
  const known = findOutletByName(line.source);
  if (known) return { domain: known.domain, name: known.name };
  throw new Error(`source "${line.source}" is neither a domain nor a known outlet, and the line has no url`);
}

/** The clean text as the sanitized HTML the article page renders: one paragraph per blank-line-separated block. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtmlText(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** Parses one line into the article it stores, or the reason it cannot. */
export function parseArchiveLine(
  text: string,
): { ok: true; article: ExtractedArticle } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
  const parsed = archiveLineSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reason: parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "),
    };
  }
  const line = parsed.data;
  let source: Outlet | null;
  try {
    source = archiveOutlet(line);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const body = line.text.replace(/\r\n?/g, "\n");
  return {
    ok: true,
    article: {
      title: line.title,
      source,
      byline: null,
      publishedAt: line.publishedAt ?? null,
      language: detectLanguage(`${line.title}\n${body}`),
      url: line.url ?? null,
      text: body,
      html: textToHtml(body),
    },
  };
}

/** The file's lines, gunzipped when it starts with the gzip magic bytes (whatever its name). */
async function readLines(file: string, onBytes: (bytes: number) => void) {
  const handle = await open(file, "r");
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const raw = createReadStream(file);
  raw.on("data", (chunk) => onBytes(chunk.length));
  const stream = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (e) => stream.destroy(e));
  return createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}

/** Loads one archive file; see the top of this file. */
export async function importArchive(file: string, options: ArchiveOptions): Promise<ArchiveReport> {
  const { db } = options;
  const absolute = path.resolve(file);
  const totalBytes = (await stat(absolute)).size;
  const batchSize = options.batchSize ?? ARCHIVE_BATCH_SIZE;
  const report: ArchiveReport = {
    file: absolute,
    lines: 0,
    counts: { new: 0, updated: 0, duplicate: 0, failed: 0 },
    failures: [],
    events: 0,
    ms: { store: 0, cluster: 0, compare: 0 },
  };
  const touched = new Set<number>();
  let bytes = 0;
  const progress = () => options.onProgress?.({ bytes, totalBytes, lines: report.lines, counts: report.counts });

  let batch: { line: number; text: string }[] = [];
  const flush = async () => {
    await loadBatch(db, absolute, batch, report, touched);
    batch = [];
    progress();
  };
  const lines = await readLines(absolute, (n) => {
    bytes += n;
  });
  for await (const text of lines) {
    report.lines++;
    if (!text.trim()) continue;
    batch.push({ line: report.lines, text });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();

  // Once per touched event, not per article: a big event would otherwise be rebuilt hundreds of times.
  const compareStarted = performance.now();
  for (const eventId of [...touched].sort((a, b) => a - b)) {
    await refreshComparison(db, eventId).catch((e) =>
      console.warn(`comparison of event ${eventId} failed: ${e instanceof Error ? e.message : e}`),
    );
  }
  report.ms.compare += performance.now() - compareStarted;
  report.events = touched.size;
  // The next process (npm start, another import) then loads the clusterer's index instead of rebuilding it.
  await saveClusterState(db);
  progress();
  return report;
}

async function loadBatch(
  db: Db,
  file: string,
  batch: { line: number; text: string }[],
  report: ArchiveReport,
  touched: Set<number>,
): Promise<void> {
  const storeStarted = performance.now();
  const good: { line: number; origin: string; article: ExtractedArticle; raw: Uint8Array<ArrayBuffer> }[] = [];
  const bad: ArchiveFailure[] = [];
  for (const { line, text } of batch) {
    const parsed = parseArchiveLine(text);
    if (parsed.ok) good.push({ line, origin: `${file}:${line}`, article: parsed.article, raw: new Uint8Array() });
    else bad.push({ line, reason: parsed.reason });
  }
  // gzip on libuv's thread pool, all of the batch at once, before the transaction.
  await Promise.all(
    good.map(async (g) => {
      g.raw = await compressRaw(Buffer.from(g.article.text));
    }),
  );
  // One transaction for the batch: stored with their bands, and failures recorded, or none of it.
  const saved = await db.$transaction(
    async (tx) => {
      const out: { line: number; id: number; outcome: SaveOutcome }[] = [];
      for (const g of good) {
        const r = await saveArticleIn(
          tx,
          { article: g.article, origin: g.origin, content: Buffer.alloc(0), format: "txt" },
          g.raw,
        );
        out.push({ line: g.line, id: r.id, outcome: r.outcome });
      }
      // A line that loads now clears what an earlier run recorded against it.
      if (good.length) await tx.ingestFailure.deleteMany({ where: { origin: { in: good.map((g) => g.origin) } } });
      if (bad.length) {
        await tx.ingestFailure.deleteMany({ where: { origin: { in: bad.map((b) => `${file}:${b.line}`) } } });
        await tx.ingestFailure.createMany({
          data: bad.map((b) => ({ origin: `${file}:${b.line}`, reason: b.reason })),
        });
      }
      return out;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  const clusterStarted = performance.now();
  report.ms.store += clusterStarted - storeStarted;
  for (const b of bad) {
    report.failures.push(b);
    report.counts.failed++;
  }
  // Arrival order is line order. Clustering runs for duplicates too: an earlier run may have been killed between
  // storing a batch and clustering it.
  for (const s of saved) report.counts[s.outcome]++;
  for (const { eventId } of await clusterArticles(
    db,
    saved.map((s) => s.id),
  ))
    touched.add(eventId);
  report.ms.cluster += performance.now() - clusterStarted;
}

/** The run's summary: counts, then each failed line with its reason. */
export function formatArchiveReport(report: ArchiveReport): string {
  const { counts } = report;
  const out = [
    `${report.file}: ${report.lines} lines; ${counts.new} new, ${counts.updated} updated, ${counts.duplicate} duplicate, ${counts.failed} failed; ${report.events} events touched`,
  ];
  for (const f of report.failures) out.push(`  line ${f.line}: ${f.reason}`);
  return out.join("\n");
}

// Writes for articles. They trust their input (already extracted and validated) so that ingest, the scheduler
// and scripts can all call them.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Db, Tx } from "@/lib/db";
import { canonicalUrl } from "@/lib/extract/canonical-url";
import type { RawFormat } from "@/lib/extract/document";
import type { ExtractedArticle } from "@/lib/extract/types";
import { upsertSource } from "@/lib/sources/mutations";
import { capArticle } from "./cap-article";
import { indexArticle, markNearDuplicate } from "./near-duplicate";
import { clampPublishedAt } from "./published-date";

export type SaveOutcome = "new" | "updated" | "duplicate";

export interface SaveInput {
  article: ExtractedArticle;
  origin: string;
  content: Buffer;
  format: RawFormat;
  feedId?: number | null;
  /** partial: only the feed's own content, the page could not be had. */
  status?: "complete" | "partial";
}

/** Hash of the text with case, punctuation and spacing folded, so a re-rendered page is still the same article. */
export function contentHash(text: string): string {
  const normalised = text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return createHash("sha256").update(normalised).digest("hex");
}

export type SaveResult = {
  id: number;
  outcome: SaveOutcome /** For a new article: the original it is a syndicated copy of. */;
  duplicateOfId?: number | null;
};

/**
 * What storing an article would do, decided by the identity rules: the canonical URL when known, else the content
 * hash. The same input again is a duplicate; the same URL with new text is an update (the page was corrected or
 * re-extracted), except that partial text never replaces complete text.
 */
type SavePlan =
  | { kind: "duplicate"; id: number }
  | { kind: "update"; id: number; url: string | null; hash: string; sameText: boolean; sourceId: number | null }
  | { kind: "create"; url: string | null; hash: string };

async function planSave(db: Db | Tx, input: SaveInput): Promise<SavePlan> {
  const { article } = input;
  const url = article.url ? canonicalUrl(article.url) : null;
  const hash = contentHash(article.text);
  const byUrl = url ? await db.article.findUnique({ where: { url } }) : null;
  const byHash = await db.article.findUnique({ where: { contentHash: hash } });
  const existing = byUrl ?? byHash;
  if (!existing) return { kind: "create", url, hash };
  // A feed's teaser never replaces a page's full text: a later failed fetch, or a link the fetcher refuses
  // that canonicalises onto a stored article's URL, would otherwise overwrite what was read from the page.
  if (existing.status === "complete" && input.status === "partial") return { kind: "duplicate", id: existing.id };
  const sameText = existing.contentHash === hash;
  const gainsUrl = !existing.url && url && !byUrl;
  const upgrades = existing.status === "partial" && input.status !== "partial";
  if (sameText && !gainsUrl && !upgrades) return { kind: "duplicate", id: existing.id };
  // Another stored article already has this text: keep the one we have rather than break uniqueness.
  if (!sameText && byHash && byHash.id !== existing.id) return { kind: "duplicate", id: existing.id };
  return { kind: "update", id: existing.id, url: existing.url ?? url, hash, sameText, sourceId: existing.sourceId };
}

/** Carries out an update or create plan inside `tx`, with its bands, so the two never disagree. */
async function applySave(
  tx: Db | Tx,
  input: SaveInput,
  plan: Exclude<SavePlan, { kind: "duplicate" }>,
  raw: Uint8Array<ArrayBuffer>,
): Promise<SaveResult> {
  const { article } = input;
  if (plan.kind === "update") {
    const sourceId = article.source ? (await upsertSource(tx, article.source)).id : plan.sourceId;
    await tx.article.update({
      where: { id: plan.id },
      data: { ...articleFields(input, plan.hash, raw), url: plan.url, sourceId },
    });
    // New text, new bands; whether it is a copy was decided when it arrived and stays so.
    if (!plan.sameText) await indexArticle(tx, plan.id, article.text);
    return { id: plan.id, outcome: "updated" };
  }
  const sourceId = article.source ? (await upsertSource(tx, article.source)).id : null;
  const created = await tx.article.create({
    data: { ...articleFields(input, plan.hash, raw), url: plan.url, sourceId },
  });
  const duplicateOfId = await markNearDuplicate(tx, created.id, article.text);
  return { id: created.id, outcome: "new", duplicateOfId };
}

/**
 * Stores an article once (identity rules: see SavePlan). The text is capped before anything reads it, so the hash,
 * the bands and the stored row all see the same bounded text.
 */
export async function saveArticle(db: Db, given: SaveInput): Promise<SaveResult> {
  const input: SaveInput = { ...given, article: capArticle(given.article).article };
  const plan = await planSave(db, input);
  if (plan.kind === "duplicate") return { id: plan.id, outcome: "duplicate" };
  const raw = await compressRaw(input.content);
  // One transaction with its bands: an article stored without them (the process killed in between) would be a
  // duplicate on the rerun, never indexed, and its syndicated copies would go unrecognised; new text stored under
  // the old bands likewise.
  return db.$transaction((tx) => applySave(tx, input, plan, raw));
}

/**
 * saveArticle inside a transaction the caller holds (a bulk load stores a batch in one), with the raw input
 * already compressed (`compressRaw`). Same cap and identity rules.
 */
export async function saveArticleIn(tx: Db | Tx, given: SaveInput, raw: Uint8Array<ArrayBuffer>): Promise<SaveResult> {
  const input: SaveInput = { ...given, article: capArticle(given.article).article };
  const plan = await planSave(tx, input);
  if (plan.kind === "duplicate") return { id: plan.id, outcome: "duplicate" };
  return applySave(tx, input, plan, raw);
}

const gzipAsync = promisify(gzip);

/**
 * The raw input as stored, gzipped on libuv's thread pool: a page may run to 20 MB, which took gzipSync over a
 * second on the thread that answers readers (npm start stores feed items in the web server's process).
 */
export async function compressRaw(content: Buffer): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await gzipAsync(content));
}

function articleFields(input: SaveInput, hash: string, raw: Uint8Array<ArrayBuffer>) {
  const { article } = input;
  const fetchedAt = new Date();
  return {
    contentHash: hash,
    title: article.title,
    byline: article.byline,
    publishedAt: clampPublishedAt(article.publishedAt, fetchedAt),
    language: article.language,
    text: article.text,
    html: article.html,
    status: input.status ?? "complete",
    origin: input.origin,
    raw,
    rawFormat: input.format,
    feedId: input.feedId ?? null,
    fetchedAt,
  };
}

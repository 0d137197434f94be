// Near-duplicate detection: a wire story republished by ten outlets, each with its own headline and a sentence
// of its own, is one story. Texts become sets of word 5-gram shingles; a MinHash signature (128 hashes)
// estimates the Jaccard similarity of two such sets, and LSH banding (16 bands of 8 rows) turns "who is similar
// to me?" into an indexed lookup of ArticleBand rows instead of a scan. Candidates are then confirmed on their
// exact shingle sets (their text is in the database), so the 0.9 threshold is exact, not estimated.
//
// With 16 bands of 8 rows, a pair at Jaccard 0.9 shares a band with probability 1-(1-0.9^8)^16 ≈ 0.9999, a pair
// at 0.5 only with ≈ 0.06: few false candidates to confirm, almost no true copies missed.
//
// The hash seeds and the tokeniser are part of the stored format: changing them makes stored bands useless
// until every article is re-indexed (reindexArticle).
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";

export const SHINGLE_WORDS = 5;
export const NUM_HASHES = 128;
export const BANDS = 16;
export const ROWS_PER_BAND = NUM_HASHES / BANDS;
export const DUPLICATE_THRESHOLD = 0.9;
/** Below this many shingles (about 25 words) two texts share too little to call one a copy of the other. */
export const MIN_SHINGLES = 20;
/** Candidates confirmed per lookup, most shared bands first; bounds the work for a very common text. */
const MAX_CANDIDATES = 20;

// Han, Hiragana and Katakana are written without spaces: each character is a token of its own.
const TOKEN =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

/** Lower-cased, NFKC-folded words (single characters for CJK scripts); punctuation and spacing dropped. */
export function tokens(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
}

/** FNV-1a over UTF-16 code units, then the murmur3 finaliser for avalanche. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of hashed word 5-grams of a text. */
export function shingles(text: string): Set<number> {
  const words = tokens(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    out.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  }
  return out;
}

// Fixed seeds (mulberry32 from a constant): the i-th MinHash function is fmix32(shingle ^ seed[i]).
const SEEDS: Uint32Array = (() => {
  let a = 0x9e3779b9;
  const seeds = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    seeds[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return seeds;
})();

/** MinHash signature: for each of the 128 hash functions, the smallest hash over the shingles. */
export function minhash(shingleSet: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** The fraction of equal positions of two signatures: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** One hash per band of rows; two signatures agreeing on every row of a band share that band's hash. */
export function bandHashes(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = Buffer.from(sig.buffer, sig.byteOffset + b * ROWS_PER_BAND * 4, ROWS_PER_BAND * 4);
    out.push(createHash("sha1").update(rows).digest("hex").slice(0, 16));
  }
  return out;
}

export interface NearDuplicateMatch {
  articleId: number;
  similarity: number;
}

/** Stores the article's LSH bands (replacing old ones); a text too short to judge gets none. */
export async function indexArticle(db: Db | Tx, articleId: number, text: string): Promise<string[] | null> {
  const set = shingles(text);
  await db.articleBand.deleteMany({ where: { articleId } });
  if (set.size < MIN_SHINGLES) return null;
  const bands = bandHashes(minhash(set));
  await db.articleBand.createMany({ data: bands.map((hash, band) => ({ articleId, band, hash })) });
  return bands;
}

/**
 * The earlier article this text is a near-copy of (Jaccard ≥ 0.9 on shingles), best match first, or null.
 * Only articles with a smaller id count: "earlier" is arrival order, which is also the clusterer's order.
 */
export async function findNearDuplicate(
  db: Db | Tx,
  articleId: number,
  text: string,
  bands?: string[] | null,
): Promise<NearDuplicateMatch | null> {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const hashes = bands ?? bandHashes(minhash(set));
  const hits = await db.articleBand.findMany({
    where: { articleId: { lt: articleId }, OR: hashes.map((hash, band) => ({ band, hash })) },
    select: { articleId: true },
    take: 2000,
  });
  if (hits.length === 0) return null;
  const shared = new Map<number, number>();
  for (const h of hits) shared.set(h.articleId, (shared.get(h.articleId) ?? 0) + 1);
  const ids = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
  const candidates = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } });
  let best: NearDuplicateMatch | null = null;
  for (const c of candidates) {
    const similarity = jaccard(set, shingles(c.text));
    if (
      similarity >= DUPLICATE_THRESHOLD &&
      (!best || similarity > best.similarity || (similarity === best.similarity && c.id < best.articleId))
    ) {
      best = { articleId: c.id, similarity };
    }
  }
  return best;
}

/**
 * Indexes a newly stored article and, when it is a syndicated copy, points duplicateOfId at the original
 * (the original of the match, if the match is itself a copy). Returns the original's id or null.
 */
export async function markNearDuplicate(db: Db | Tx, articleId: number, text: string): Promise<number | null> {
  const bands = await indexArticle(db, articleId, text);
  if (!bands) return null;
  const match = await findNearDuplicate(db, articleId, text, bands);
  if (!match) return null;
  const original = await db.article.findUnique({
    where: { id: match.articleId },
    select: { id: true, duplicateOfId: true },
  });
  if (!original) return null;
  const originalId = original.duplicateOfId ?? original.id;
  await db.article.update({ where: { id: articleId }, data: { duplicateOfId: originalId } });
  return originalId;
}

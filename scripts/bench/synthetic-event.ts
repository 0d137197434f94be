// A big synthetic event for benchmarks and profiling: the seed articles, rewritten the way other outlets rewrite
// wire copy (paragraphs dropped and reordered, words swapped), plus syndicated copies. Deterministic.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Db } from "@/lib/db";

/** Deterministic PRNG (mulberry32) so every run benchmarks the same event. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word swaps a rewrite desk might make; enough to make every variant's sentences differ from its seed's.
const SWAPS: [RegExp, string[]][] = [
  [/\bsaid\b/g, ["stated", "told reporters", "noted", "said"]],
  [/\bmeeting\b/g, ["talks", "meeting", "session"]],
  [/\bRussian\b/g, ["Russian", "Moscow's"]],
  [/\bpossibility\b/g, ["prospect", "possibility", "option"]],
  [/\bpositions\b/g, ["stances", "positions"]],
  [/\bUS\b/g, ["U.S.", "US", "American"]],
  [/\bhowever\b/gi, ["but", "however", "still"]],
];
const COUNTRIES = ["US", "GB", "DE", "FR", "IN", "JP", "BR", "ZA", "AU", "CA", "IT", "ES", "PL", "TR", "KR"];
const KINDS = ["national", "regional", "wire", "independent", "public-broadcaster"];

function rewrite(text: string, rnd: () => number): string {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  // Drop one paragraph in three and swap two neighbours: outlets trim and reorder wire copy.
  const kept = paragraphs.filter((_, i) => i === 0 || rnd() > 0.33);
  if (kept.length > 3) {
    const i = 1 + Math.floor(rnd() * (kept.length - 2));
    [kept[i], kept[i + 1]] = [kept[i + 1], kept[i]];
  }
  let out = kept.join("\n\n");
  for (const [pattern, choices] of SWAPS) out = out.replace(pattern, () => choices[Math.floor(rnd() * choices.length)]);
  return out;
}

async function addVariant(
  db: Db,
  i: number,
  base: { title: string; text: string; publishedAt: Date | null },
  text: string,
  duplicateOfId: number | null,
) {
  const source = await db.source.create({
    data: {
      name: `Synthetic Outlet ${i}`,
      domain: `outlet-${i}.example`,
      country: COUNTRIES[i % COUNTRIES.length],
      kind: KINDS[i % KINDS.length],
    },
  });
  const publishedAt = new Date((base.publishedAt ?? new Date("2025-04-25T12:00:00Z")).getTime() + i * 7 * 60_000);
  return db.article.create({
    data: {
      title: duplicateOfId ? base.title : `${base.title} (${["update", "analysis", "report", "live"][i % 4]})`,
      text,
      html: text
        .split(/\n\s*\n/)
        .map((p) => `<p>${p}</p>`)
        .join(""),
      contentHash: createHash("sha256").update(`${i}\n${text}`).digest("hex"),
      origin: `bench://${i}`,
      raw: new Uint8Array(gzipSync(text)),
      rawFormat: "txt",
      url: `https://outlet-${i}.example/story-${i}`,
      sourceId: source.id,
      publishedAt,
      language: "en",
      duplicateOfId,
    },
  });
}

/**
 * Grows the database's articles (the seeds, ingested first) into one event of `articles` articles: rewritten
 * variants from new outlets, the last `copies` of them syndicated copies of a seed. Returns the event's id.
 */
export async function seedSyntheticEvent(
  db: Db,
  { articles: ARTICLES, copies: COPIES }: { articles: number; copies: number },
): Promise<number> {
  const seeds = await db.article.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, text: true, publishedAt: true },
  });
  const rnd = random(42);
  const ids = seeds.map((s) => s.id);
  for (let i = seeds.length; i < ARTICLES; i++) {
    const base = seeds[i % seeds.length];
    // The last few are syndicated copies of a seed: same text, another outlet.
    const copy = i >= ARTICLES - COPIES;
    ids.push((await addVariant(db, i, base, copy ? base.text : rewrite(base.text, rnd), copy ? base.id : null)).id);
  }
  const event = (await db.event.findMany({ orderBy: { articleCount: "desc" }, take: 1 }))[0];
  await db.eventArticle.deleteMany({ where: { articleId: { in: ids } } });
  await db.eventArticle.createMany({
    data: ids.map((articleId) => ({ articleId, eventId: event.id, similarity: 0.8 })),
  });
  await db.event.update({ where: { id: event.id }, data: { articleCount: ids.length, sourceCount: ids.length } });
  return event.id;
}

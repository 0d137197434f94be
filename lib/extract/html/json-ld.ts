// Reads the schema.org article record that most news sites embed as JSON-LD. Pages ship it malformed in
// many ways (arrays, @graph, nested objects, HTML inside strings), so every field is read leniently.
import { z } from "zod";

const ARTICLE_TYPES = new Set([
  "newsarticle",
  "article",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "reviewnewsarticle",
  "backgroundnewsarticle",
  "blogposting",
  "liveblogposting",
  "socialmediaposting",
  "report",
  "scholarlyarticle",
  "techarticle",
  "askpublicnewsarticle",
  "satiricalarticle",
  "posting",
]);

const text = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1));
const named = z.union([text, z.object({ name: text }).transform((o) => o.name)]);
const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(z.unknown())]).transform((v): z.output<T>[] =>
    Array.isArray(v)
      ? v.flatMap((item) => {
          const parsed = schema.safeParse(item);
          return parsed.success ? [parsed.data] : [];
        })
      : [v as z.output<T>],
  );

const ArticleRecord = z.object({
  headline: text.optional().catch(undefined),
  name: text.optional().catch(undefined),
  articleBody: text.optional().catch(undefined),
  datePublished: text.optional().catch(undefined),
  dateCreated: text.optional().catch(undefined),
  author: oneOrMany(named).optional().catch(undefined),
  creator: oneOrMany(named).optional().catch(undefined),
  publisher: oneOrMany(named).optional().catch(undefined),
  inLanguage: text.optional().catch(undefined),
  url: text.optional().catch(undefined),
});

export interface JsonLdArticle {
  headline: string | null;
  articleBody: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  inLanguage: string | null;
  url: string | null;
}

/** The article record among a page's JSON-LD scripts (raw texts), or null when there is none. */
export function readJsonLdArticle(scripts: string[]): JsonLdArticle | null {
  const records: Record<string, unknown>[] = [];
  for (const raw of scripts) {
    const data = parseLenient(raw);
    if (data !== undefined) flatten(data, records, 0);
  }
  // Prefer the record with a body, then any article-typed one.
  const articles = records.filter((r) => typesOf(r).some((t) => ARTICLE_TYPES.has(t)));
  if (!articles.length) return null;
  articles.sort((a, b) => Number(typeof b.articleBody === "string") - Number(typeof a.articleBody === "string"));
  const parsed = ArticleRecord.safeParse(pick(articles[0], FIELDS));
  if (!parsed.success) return null;
  const r = parsed.data;
  const authors = [...(r.author ?? []), ...(r.creator ?? [])].filter((name) => !/^https?:\/\//.test(name));
  return {
    headline: r.headline ?? r.name ?? null,
    articleBody: r.articleBody ?? null,
    datePublished: r.datePublished ?? r.dateCreated ?? null,
    authors: [...new Set(authors)],
    publisher: r.publisher?.[0] ?? null,
    inLanguage: r.inLanguage ?? null,
    url: r.url ?? null,
  };
}

const FIELDS = Object.keys(ArticleRecord.shape);

// Records can carry dozens of fields (images, breadcrumbs, comments); validating only ours keeps this cheap.
function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) picked[key] = record[key];
  return picked;
}

function parseLenient(raw: string): unknown {
  const cleaned = raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, "").trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      // Raw newlines and tabs inside strings are the most common breakage.
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, " "));
    } catch {
      return undefined;
    }
  }
}

function flatten(data: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || data === null || typeof data !== "object") return;
  if (Array.isArray(data)) {
    for (const item of data) flatten(item, out, depth + 1);
    return;
  }
  const record = data as Record<string, unknown>;
  out.push(record);
  if (Array.isArray(record["@graph"])) flatten(record["@graph"], out, depth + 1);
  if (record.mainEntity && typeof record.mainEntity === "object") flatten(record.mainEntity, out, depth + 1);
}

function typesOf(record: Record<string, unknown>): string[] {
  const type = record["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.toLowerCase());
}

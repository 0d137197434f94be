// Test-only helpers: a migrated temporary SQLite database and terse row builders.
import { gzipSync } from "node:zlib";
import type { Db } from "@/lib/db";
import { createTempDb } from "@/tests/support/temp-db";

/** A migrated temporary database (see tests/support/temp-db.ts). */
export async function tempDatabase(): Promise<{ url: string; db: Db; cleanup: () => Promise<void> }> {
  return createTempDb();
}

let counter = 0;

export function addSource(db: Db, name: string, domain: string, country: string | null = null) {
  return db.source.create({ data: { name, domain, country } });
}

export function addArticle(
  db: Db,
  data: { title: string; text?: string; sourceId?: number | null; publishedAt?: Date | null; url?: string | null },
) {
  const n = ++counter;
  const text = data.text ?? `Body of ${data.title}.\n\nSecond paragraph ${n}.`;
  return db.article.create({
    data: {
      title: data.title,
      text,
      html: text
        .split(/\n\s*\n/)
        .map((p) => `<p>${p}</p>`)
        .join(""),
      contentHash: `hash-${n}-${data.title}`,
      origin: `test://${n}`,
      raw: new Uint8Array(gzipSync(text)),
      rawFormat: "txt",
      sourceId: data.sourceId ?? null,
      publishedAt: data.publishedAt ?? null,
      url: data.url ?? null,
    },
  });
}

/** An event over the given articles, with the denormalised counts the clusterer would store. */
export async function addEvent(
  db: Db,
  data: {
    title: string;
    firstSeenAt: Date;
    lastSeenAt: Date;
    articleIds: number[];
    sourceCount: number;
    mergedIntoId?: number | null;
    summary?: string | null;
  },
) {
  const { articleIds, ...fields } = data;
  return db.event.create({
    data: {
      ...fields,
      articleCount: articleIds.length,
      members: { create: articleIds.map((articleId) => ({ articleId, similarity: 0.8 })) },
    },
  });
}

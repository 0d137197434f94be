// Reads for the reader view of one article.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import type { SourceRef } from "@/lib/sources/source-ref";

export interface ArticleView {
  id: number;
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  language: string | null;
  url: string | null;
  /** Allowlist-sanitized at ingest, safe to render as HTML. */
  html: string;
  text: string;
  /** complete | partial (feed content only) */
  status: string;
  source: SourceRef | null;
  /** The event the article belongs to, if it has been clustered. */
  eventId: number | null;
}

export async function getArticle(id: number, db: Db = getDb()): Promise<ArticleView | null> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      byline: true,
      publishedAt: true,
      fetchedAt: true,
      language: true,
      url: true,
      html: true,
      text: true,
      status: true,
      source: { select: { name: true, domain: true, country: true } },
      membership: { select: { eventId: true } },
    },
  });
  if (!row) return null;
  const { membership, ...article } = row;
  return { ...article, eventId: membership?.eventId ?? null };
}

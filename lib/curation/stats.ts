// An event's denormalised counts and span, recomputed from its members after an editor changed them. The same
// rules as the clusterer's (lib/cluster/assign-event.ts refreshEvent), so a curated event ranks like any other.
import type { Tx } from "@/lib/db";

export interface EventStats {
  articleCount: number;
  sourceCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface MemberRow {
  id: number;
  sourceId: number | null;
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** The stats of a set of articles; null for none (an emptied event keeps its old span). */
export function statsOf(articles: readonly MemberRow[]): EventStats | null {
  if (articles.length === 0) return null;
  // The span comes from the dates the articles print; fetch times only stand in when none has one.
  const dated = articles.filter((a) => a.publishedAt);
  const times = (dated.length ? dated.map((a) => a.publishedAt!) : articles.map((a) => a.fetchedAt)).map((d) =>
    d.getTime(),
  );
  // An article with no known outlet counts as an outlet of its own.
  const outlets = new Set(articles.map((a) => (a.sourceId === null ? `article:${a.id}` : `source:${a.sourceId}`)));
  return {
    articleCount: articles.length,
    sourceCount: outlets.size,
    firstSeenAt: new Date(Math.min(...times)),
    lastSeenAt: new Date(Math.max(...times)),
  };
}

/** Rewrites the event's articleCount, sourceCount, firstSeenAt and lastSeenAt from its current members. */
export async function recomputeEventStats(tx: Tx, eventId: number): Promise<void> {
  const members = await tx.eventArticle.findMany({
    where: { eventId },
    select: { article: { select: { id: true, sourceId: true, publishedAt: true, fetchedAt: true } } },
  });
  const stats = statsOf(members.map((m) => m.article));
  await tx.event.update({ where: { id: eventId }, data: stats ?? { articleCount: 0, sourceCount: 0 } });
}

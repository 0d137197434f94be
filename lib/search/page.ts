// What both search backends do once their ranked query has run: turn a page of (event id, score, snippet, total)
// rows into the SearchResult the pages read, with each event's outlets, in the rows' order.
import type { Db } from "@/lib/db";
import { distinctSources } from "@/lib/events/data";
import type { SearchHit, SearchResult } from "./types";

export interface RankedRow {
  eventId: number | bigint;
  score: number | string;
  snippet: string | null;
  total: number | bigint;
}

/**
 * `rows` is one page of a ranked query; `countAll` asks for the first page alone, for the total when `rows` is
 * past the last page (the window count went with the rows).
 */
export async function searchPage(
  db: Db,
  rows: RankedRow[],
  page: { limit: number; offset: number },
  countAll: () => Promise<SearchResult>,
): Promise<SearchResult> {
  const { limit, offset } = page;
  if (rows.length === 0) {
    if (offset === 0) return { hits: [], total: 0, limit, offset };
    return { hits: [], total: (await countAll()).total, limit, offset };
  }
  const ids = rows.map((r) => Number(r.eventId));
  const events = await db.event.findMany({
    where: { id: { in: ids } },
    include: {
      members: {
        select: { article: { select: { source: { select: { name: true, domain: true, country: true } } } } },
      },
    },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  const hits = rows.flatMap((row): SearchHit[] => {
    const e = byId.get(Number(row.eventId));
    if (!e) return [];
    return [
      {
        eventId: e.id,
        title: e.title,
        summary: e.summary,
        firstSeenAt: e.firstSeenAt,
        lastSeenAt: e.lastSeenAt,
        articleCount: e.articleCount,
        sources: distinctSources(e.members.map((m) => m.article.source)),
        score: Number(row.score),
        snippet: row.snippet ?? "",
      },
    ];
  });
  return { hits, total: Number(rows[0].total), limit, offset };
}

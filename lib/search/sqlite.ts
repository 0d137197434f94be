// SearchIndex over the FTS5 tables of fts-schema.ts (ArticleSearch, EventSearch), which triggers keep in step
// with Article and Event. An event is found by its own title/summary or by any of its
// articles; its score is the sum of its matches' bm25 (negated so higher is better), the event's own text
// counting double, so an event many outlets wrote about in the query's words ranks above a passing mention.
import "server-only";
import type { Db } from "@/lib/db";
import { type RankedRow, searchPage } from "./page";
import { ensureSearchSchema } from "./fts-schema";
import { SNIPPET_CLOSE, SNIPPET_OPEN, toFtsMatch } from "./terms";
import type { SearchIndex, SearchQuery, SearchResult } from "./types";

// Column weights: a match in a title says more than one in a body.
const ARTICLE_WEIGHTS = "10.0, 1.0";
const EVENT_WEIGHTS = "10.0, 3.0";
const SNIPPET_TOKENS = 24;

export function createSqliteSearchIndex(db: Db): SearchIndex {
  const index: SearchIndex = {
    async query(query: SearchQuery): Promise<SearchResult> {
      const { limit, offset } = query;
      const empty: SearchResult = { hits: [], total: 0, limit, offset };
      const match = toFtsMatch(query.q);
      if (match === null) return empty;
      await ensureSearchSchema(db);

      const filters: string[] = [];
      const filterArgs: unknown[] = [];
      if (query.from) {
        filters.push(`e."lastSeenAt" >= ?`);
        filterArgs.push(query.from);
      }
      if (query.to) {
        filters.push(`e."firstSeenAt" <= ?`);
        filterArgs.push(query.to);
      }
      if (query.outlet) {
        filters.push(`EXISTS (SELECT 1 FROM "EventArticle" x JOIN "Article" a ON a."id" = x."articleId"
          JOIN "Source" s ON s."id" = a."sourceId" WHERE x."eventId" = e."id" AND s."domain" = ?)`);
        filterArgs.push(query.outlet);
      }
      if (query.tag !== undefined) {
        // The slug as given: an unknown slug matches nothing rather than being ignored.
        filters.push(`EXISTS (SELECT 1 FROM "EventTag" et JOIN "Tag" t ON t."id" = et."tagId"
          WHERE et."eventId" = e."id" AND t."slug" = ?)`);
        filterArgs.push(query.tag);
      }

      const sql = `
        WITH hits AS (
          SELECT ea."eventId" AS eventId, -bm25("ArticleSearch", ${ARTICLE_WEIGHTS}) AS score,
                 snippet("ArticleSearch", -1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
          FROM "ArticleSearch" JOIN "EventArticle" ea ON ea."articleId" = "ArticleSearch"."rowid"
          WHERE "ArticleSearch" MATCH ?
          UNION ALL
          SELECT "rowid" AS eventId, -2.0 * bm25("EventSearch", ${EVENT_WEIGHTS}) AS score,
                 snippet("EventSearch", -1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
          FROM "EventSearch"
          WHERE "EventSearch" MATCH ?
        ),
        ranked AS (
          SELECT eventId, snippet,
                 SUM(score) OVER (PARTITION BY eventId) AS eventScore,
                 ROW_NUMBER() OVER (PARTITION BY eventId ORDER BY score DESC) AS rn
          FROM hits
        )
        SELECT r.eventId AS eventId, r.eventScore AS score, r.snippet AS snippet, COUNT(*) OVER () AS total
        FROM ranked r JOIN "Event" e ON e."id" = r.eventId
        WHERE r.rn = 1 AND e."mergedIntoId" IS NULL AND e."articleCount" > 0 AND e."hidden" = 0
          ${filters.map((f) => `AND ${f}`).join("\n          ")}
        ORDER BY score DESC, e."lastSeenAt" DESC, e."id" DESC
        LIMIT ? OFFSET ?`;
      const rows = await db.$queryRawUnsafe<RankedRow[]>(
        sql,
        SNIPPET_OPEN,
        SNIPPET_CLOSE,
        match,
        SNIPPET_OPEN,
        SNIPPET_CLOSE,
        match,
        ...filterArgs,
        limit,
        offset,
      );
      return searchPage(db, rows, { limit, offset }, () => index.query({ ...query, limit: 1, offset: 0 }));
    },

    async rebuild() {
      await ensureSearchSchema(db);
      await db.$executeRawUnsafe(`INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild')`);
      await db.$executeRawUnsafe(`INSERT INTO "EventSearch"("EventSearch") VALUES ('rebuild')`);
    },
  };
  return index;
}

// SearchIndex on PostgreSQL: the same queries, filters and ranking shape as the FTS5 one (sqlite.ts).
// - The index: a stored generated tsvector column on Article (title weight A, text D) and on Event (title A,
//   summary C), each with a GIN index. Prisma cannot model them, so, as FTS5's tables, they are made here on first
//   use (ensurePgSearchSchema, idempotent, under an advisory lock) rather than in a migration, where the schema
//   diff would ask to drop them again. PostgreSQL keeps generated columns in step with every write by itself.
// - The query: every word of queryTerms() required (plainto_tsquery over the words). The text search
//   configuration "parallax_search" is 'english' (stemmed like FTS5's porter tokenizer; unlike it, English stop
//   words are dropped) with the unaccent dictionary in front, as FTS5's remove_diacritics; where the unaccent
//   extension cannot be created (a server without contrib, a user without CREATE), accents are not folded.
// - The score: ts_rank with weights in FTS5's proportions (article title 10 : text 1, event title 10 : summary 3),
//   summed over an event's matches, its own text counting double. Scores are not comparable with bm25's, only the
//   order they give; ties fall back to lastSeenAt then id, as on SQLite.
// - The snippet: ts_headline around the matches of the event's best hit, with the SNIPPET_OPEN/CLOSE markers.
import "server-only";
import type { Db } from "@/lib/db";
import { type RankedRow, searchPage } from "./page";
import { queryTerms, SNIPPET_CLOSE, SNIPPET_OPEN } from "./terms";
import type { SearchIndex, SearchQuery, SearchResult } from "./types";

const CONFIG = "parallax_search";
// ts_rank's weights array is {D, C, B, A}.
const ARTICLE_WEIGHTS = "{0.1, 0.1, 0.1, 1.0}";
const EVENT_WEIGHTS = "{0.3, 0.3, 0.3, 1.0}";
const SNIPPET_WORDS = 24;

/** The text search configuration; run before the columns, which are defined over it. */
async function ensureConfig(tx: Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">): Promise<void> {
  const have = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS n FROM pg_ts_config WHERE cfgname = '${CONFIG}' AND cfgnamespace = current_schema()::regnamespace`,
  );
  if (Number(have[0]?.n ?? 0) > 0) return;
  await tx.$executeRawUnsafe(`CREATE TEXT SEARCH CONFIGURATION "${CONFIG}" (COPY = english)`);
  const unaccent = await tx.$queryRawUnsafe<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') AS ok`,
  );
  if (!unaccent[0]?.ok) return;
  // In a savepoint: a refused CREATE EXTENSION (no privilege) must not abort the whole transaction.
  await tx.$executeRawUnsafe("SAVEPOINT parallax_unaccent");
  try {
    await tx.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS unaccent");
    await tx.$executeRawUnsafe(
      `ALTER TEXT SEARCH CONFIGURATION "${CONFIG}" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`,
    );
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT parallax_unaccent");
  } catch {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT parallax_unaccent");
  }
}

const STATEMENTS = [
  `ALTER TABLE "Article" ADD COLUMN IF NOT EXISTS "search" tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('${CONFIG}', coalesce("title", '')), 'A') ||
     setweight(to_tsvector('${CONFIG}', coalesce("text", '')), 'D')) STORED`,
  `CREATE INDEX IF NOT EXISTS "Article_search_idx" ON "Article" USING GIN ("search")`,
  `ALTER TABLE "Event" ADD COLUMN IF NOT EXISTS "search" tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('${CONFIG}', coalesce("title", '')), 'A') ||
     setweight(to_tsvector('${CONFIG}', coalesce("summary", '')), 'C')) STORED`,
  `CREATE INDEX IF NOT EXISTS "Event_search_idx" ON "Event" USING GIN ("search")`,
];

/** The search columns and indexes as one SQL script (after the "parallax_search" configuration exists). */
export function pgSearchSchemaSql(): string {
  return `${STATEMENTS.map((s) => `${s};`).join("\n")}\n`;
}

const ensured = new WeakMap<Db, Promise<void>>();

/** Adds the search columns and indexes if either is missing; once per client. */
export function ensurePgSearchSchema(db: Db): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = (async () => {
      const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
        `SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = current_schema()
           AND indexname IN ('Article_search_idx', 'Event_search_idx')`,
      );
      if (Number(rows[0]?.n ?? 0) === 2) return;
      await db.$transaction(
        async (tx) => {
          // Two processes starting at once must not both rewrite the tables.
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('parallax.search-schema'))`);
          await ensureConfig(tx);
          for (const sql of STATEMENTS) await tx.$executeRawUnsafe(sql);
        },
        { timeout: 600_000, maxWait: 60_000 },
      );
    })();
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}

/** Forgets that a client's schema was checked (tests that break it on purpose). */
export function forgetPgSearchSchemaCheck(db: Db): void {
  ensured.delete(db);
}

export function createPgSearchIndex(db: Db): SearchIndex {
  const index: SearchIndex = {
    async query(query: SearchQuery): Promise<SearchResult> {
      const { limit, offset } = query;
      const empty: SearchResult = { hits: [], total: 0, limit, offset };
      const terms = queryTerms(query.q);
      if (terms.length === 0) return empty;
      await ensurePgSearchSchema(db);

      const args: unknown[] = [];
      const param = (value: unknown) => {
        args.push(value);
        return `$${args.length}`;
      };
      const words = param(terms.join(" "));
      const filters: string[] = [];
      if (query.from) filters.push(`e."lastSeenAt" >= ${param(query.from)}`);
      if (query.to) filters.push(`e."firstSeenAt" <= ${param(query.to)}`);
      if (query.outlet) {
        filters.push(`EXISTS (SELECT 1 FROM "EventArticle" x JOIN "Article" a ON a."id" = x."articleId"
          JOIN "Source" s ON s."id" = a."sourceId" WHERE x."eventId" = e."id" AND s."domain" = ${param(query.outlet)})`);
      }
      if (query.tag !== undefined) {
        // The slug as given: an unknown slug matches nothing rather than being ignored.
        filters.push(`EXISTS (SELECT 1 FROM "EventTag" et JOIN "Tag" t ON t."id" = et."tagId"
          WHERE et."eventId" = e."id" AND t."slug" = ${param(query.tag)})`);
      }
      const headlineOptions = param(
        `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.floor(SNIPPET_WORDS / 2)}, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`,
      );
      const sql = `
        WITH q AS (SELECT plainto_tsquery('${CONFIG}', ${words}) AS query),
        hits AS (
          SELECT ea."eventId" AS "eventId", ts_rank('${ARTICLE_WEIGHTS}', a."search", q.query)::float8 AS score,
                 'a' AS kind, a."id" AS "rowId"
          FROM q, "Article" a JOIN "EventArticle" ea ON ea."articleId" = a."id"
          WHERE a."search" @@ q.query
          UNION ALL
          SELECT ev."id" AS "eventId", 2.0 * ts_rank('${EVENT_WEIGHTS}', ev."search", q.query)::float8 AS score,
                 'e' AS kind, ev."id" AS "rowId"
          FROM q, "Event" ev
          WHERE ev."search" @@ q.query
        ),
        ranked AS (
          SELECT "eventId", kind, "rowId",
                 SUM(score) OVER (PARTITION BY "eventId") AS "eventScore",
                 ROW_NUMBER() OVER (PARTITION BY "eventId" ORDER BY score DESC, kind, "rowId") AS rn
          FROM hits
        ),
        page AS (
          SELECT r."eventId", r."eventScore" AS score, r.kind, r."rowId", COUNT(*) OVER () AS total,
                 e."lastSeenAt", e."id"
          FROM ranked r JOIN "Event" e ON e."id" = r."eventId"
          WHERE r.rn = 1 AND e."mergedIntoId" IS NULL AND e."articleCount" > 0 AND e."hidden" = false
            ${filters.map((f) => `AND ${f}`).join("\n            ")}
          ORDER BY score DESC, e."lastSeenAt" DESC, e."id" DESC
          LIMIT ${param(limit)} OFFSET ${param(offset)}
        )
        SELECT p."eventId", p.score, p.total,
               (SELECT CASE
                         WHEN p.kind = 'a' THEN (
                           SELECT ts_headline('${CONFIG}',
                                    CASE WHEN to_tsvector('${CONFIG}', a."text") @@ q.query THEN a."text" ELSE a."title" END,
                                    q.query, ${headlineOptions})
                           FROM "Article" a WHERE a."id" = p."rowId")
                         ELSE (
                           SELECT ts_headline('${CONFIG}',
                                    CASE WHEN to_tsvector('${CONFIG}', coalesce(ev."summary", '')) @@ q.query
                                         THEN ev."summary" ELSE ev."title" END,
                                    q.query, ${headlineOptions})
                           FROM "Event" ev WHERE ev."id" = p."rowId")
                       END FROM q) AS snippet
        FROM page p
        ORDER BY p.score DESC, p."lastSeenAt" DESC, p."id" DESC`;
      const rows = await db.$queryRawUnsafe<RankedRow[]>(sql, ...args);
      return searchPage(db, rows, { limit, offset }, () => index.query({ ...query, limit: 1, offset: 0 }));
    },

    async rebuild() {
      // Generated columns are never stale; a rebuild makes sure they and their indexes exist.
      ensured.delete(db);
      await ensurePgSearchSchema(db);
    },
  };
  return index;
}

// The search index the app uses: FTS5 on SQLite (sqlite.ts), tsvector on PostgreSQL (postgres.ts). Callers
// depend on the SearchIndex interface only.
import "server-only";
import { dbProvider, getDb, type Db } from "@/lib/db";
import { createPgSearchIndex } from "./postgres";
import { createSqliteSearchIndex } from "./sqlite";
import type { SearchIndex } from "./types";

export type * from "./types";
export { ensureSearchSchema, SEARCH_FTS_TABLES } from "./fts-schema";

export function getSearchIndex(db: Db = getDb()): SearchIndex {
  return dbProvider(db) === "postgresql" ? createPgSearchIndex(db) : createSqliteSearchIndex(db);
}

// The search index the app uses. Callers depend on the SearchIndex interface only, so a PostgreSQL backend is
// a second factory here and nothing else.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { createSqliteSearchIndex } from "./sqlite";
import type { SearchIndex } from "./types";

export type * from "./types";
export { ensureSearchSchema, SEARCH_FTS_TABLES } from "./fts-schema";

export function getSearchIndex(db: Db = getDb()): SearchIndex {
  return createSqliteSearchIndex(db);
}

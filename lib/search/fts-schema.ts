// The FTS5 tables behind lib/search/sqlite.ts. Prisma cannot model virtual tables, so they are created here,
// idempotently, rather than in schema.prisma:
// - ensureSearchSchema() runs once per client before the first search (and may be called after migrations).
//   It re-creates whatever is missing and then re-reads all rows, so it also heals the index after a Prisma
//   migration that redefined Article or Event (SQLite "RedefineTables" drops a table's triggers with it).
// - The same SQL can be frozen into a migration folder (searchSchemaSql()), but a hand-written folder in
//   prisma/migrations currently breaks `db-migration-create`, whose diff replays the folder on a shadow database.
// Both tables use external content: the text stays in Article/Event and the index holds only tokens, kept in step
// by triggers whatever code path writes the rows.
import type { Db } from "@/lib/db";

/** The virtual tables and the shadow tables FTS5 creates for them: what a schema diff must treat as external. */
export const SEARCH_FTS_TABLES = ["ArticleSearch", "EventSearch"].flatMap((t) => [
  t,
  `${t}_config`,
  `${t}_data`,
  `${t}_docsize`,
  `${t}_idx`,
]);

const TOKENIZE = `tokenize = 'porter unicode61 remove_diacritics 2'`;

/** One virtual table over `table` and its insert/delete/update triggers (only edits of indexed columns reindex). */
function indexFor(fts: string, table: string, columns: [string, string]): string[] {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const news = columns.map((c) => `new."${c}"`).join(", ");
  const olds = columns.map((c) => `old."${c}"`).join(", ");
  // External-content tables must be told the old values ('delete' command), or they keep stale tokens.
  const remove = `INSERT INTO "${fts}"("${fts}", "rowid", ${cols}) VALUES ('delete', old."id", ${olds});`;
  const add = `INSERT INTO "${fts}"("rowid", ${cols}) VALUES (new."id", ${news});`;
  return [
    `CREATE VIRTUAL TABLE IF NOT EXISTS "${fts}" USING fts5(${cols}, content = '${table}', content_rowid = 'id', ${TOKENIZE})`,
    `CREATE TRIGGER IF NOT EXISTS "${table}_search_ai" AFTER INSERT ON "${table}" BEGIN ${add} END`,
    `CREATE TRIGGER IF NOT EXISTS "${table}_search_ad" AFTER DELETE ON "${table}" BEGIN ${remove} END`,
    `CREATE TRIGGER IF NOT EXISTS "${table}_search_au" AFTER UPDATE OF ${cols} ON "${table}" BEGIN ${remove} ${add} END`,
  ];
}

const STATEMENTS = [
  ...indexFor("ArticleSearch", "Article", ["title", "text"]),
  ...indexFor("EventSearch", "Event", ["title", "summary"]),
];
const REBUILD = [
  `INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild')`,
  `INSERT INTO "EventSearch"("EventSearch") VALUES ('rebuild')`,
];
const EXPECTED = [
  "ArticleSearch",
  "EventSearch",
  ...["Article", "Event"].flatMap((t) => ["ai", "ad", "au"].map((k) => `${t}_search_${k}`)),
];

/** The whole schema as one SQL script, e.g. for a migration.sql. */
export function searchSchemaSql(): string {
  return `${[...STATEMENTS, ...REBUILD].map((s) => `${s};`).join("\n")}\n`;
}

const ensured = new WeakMap<Db, Promise<void>>();

/** Creates the search tables and triggers if any is missing (then reindexes everything); once per client. */
export function ensureSearchSchema(db: Db): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = (async () => {
      const rows = await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM sqlite_master WHERE name IN (${EXPECTED.map(() => "?").join(", ")})`,
        ...EXPECTED,
      );
      if (rows.length === EXPECTED.length) return;
      await db.$transaction(async (tx) => {
        for (const sql of [...STATEMENTS, ...REBUILD]) await tx.$executeRawUnsafe(sql);
      });
    })();
    // A failure (database locked, say) must not be remembered: the next search tries again.
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}

/** Forgets that a client's schema was checked (tests that break it on purpose). */
export function forgetSearchSchemaCheck(db: Db): void {
  ensured.delete(db);
}

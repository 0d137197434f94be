// A client that records every SQL statement it sends, for tests that count the reads a code path makes.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Db } from "@/lib/db";
import { sqlitePathFromUrl } from "@/lib/db/url";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function loggedDb(databaseUrl: string): { db: Db; statements: string[] } {
  const db = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: sqlitePathFromUrl(databaseUrl), timeout: 10_000 }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: string[] = [];
  db.$on("query", (e) => statements.push(e.query));
  return { db, statements };
}

/** How many of `statements` read from `table` (as Prisma quotes it: FROM `main`.`Table`). */
export function readsOf(statements: readonly string[], table: string): number {
  return statements.filter((sql) => sql.startsWith("SELECT") && sql.includes(`FROM \`main\`.\`${table}\``)).length;
}

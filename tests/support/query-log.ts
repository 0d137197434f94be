// A client that records every SQL statement it sends, for tests that count the reads a code path makes.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db";
import { pgConnectionFromUrl, providerOf, sqlitePathFromUrl } from "@/lib/db/url";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";

export function loggedDb(databaseUrl: string): { db: Db; statements: string[] } {
  const log = [{ emit: "event", level: "query" }] as const;
  const statements: string[] = [];
  if (providerOf(databaseUrl) === "postgresql") {
    const pg = new PgPrismaClient({ adapter: new PrismaPg(pgConnectionFromUrl(databaseUrl)), log: [...log] });
    pg.$on("query", (e) => statements.push(e.query));
    // The same model API (lib/db.ts createDb makes the same cast).
    return { db: pg as unknown as Db, statements };
  }
  const db = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: sqlitePathFromUrl(databaseUrl), timeout: 10_000 }),
    log: [...log],
  });
  db.$on("query", (e) => statements.push(e.query));
  return { db, statements };
}

/** How many of `statements` read from `table` (as Prisma quotes it: FROM `main`.`Table` or FROM "public"."Table"). */
export function readsOf(statements: readonly string[], table: string): number {
  return statements.filter(
    (sql) =>
      sql.startsWith("SELECT") &&
      (sql.includes(`FROM \`main\`.\`${table}\``) || sql.includes(`FROM "public"."${table}"`)),
  ).length;
}

// One Prisma client per process, built on the better-sqlite3 driver adapter. Cached on globalThis so that
// Next's dev-mode reloads do not open a new connection on every edit.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { sqlitePathFromUrl } from "./db/url";
import { getEnv } from "./env";

export type { Db, Tx } from "./db/types";

const files = new WeakMap<PrismaClient, string>();

export function createDb(databaseUrl: string): PrismaClient {
  const file = sqlitePathFromUrl(databaseUrl);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  const db = new PrismaClient({ adapter });
  files.set(db, file);
  return db;
}

/** The SQLite file behind a client made by createDb (":memory:" for an in-memory one), for files kept beside it. */
export function databaseFile(db: PrismaClient): string | null {
  return files.get(db) ?? null;
}

const cache = globalThis as unknown as { parallaxDb?: PrismaClient };

/** The process-wide client for DATABASE_URL. */
export function getDb(): PrismaClient {
  cache.parallaxDb ??= createDb(getEnv().DATABASE_URL);
  return cache.parallaxDb;
}

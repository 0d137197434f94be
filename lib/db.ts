// One Prisma client per process, on the database DATABASE_URL names: a `file:` URL (the default) opens SQLite
// through the better-sqlite3 driver adapter, a `postgresql://` (or `postgres://`) URL PostgreSQL through the pg
// adapter. Cached on globalThis so that Next's dev-mode reloads do not open a new connection on every edit.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import type { Db } from "./db/types";
import { type DbProvider, pgConnectionFromUrl, providerOf, sqlitePathFromUrl } from "./db/url";
import { getEnv } from "./env";

export type { Db, Tx } from "./db/types";
export type { DbProvider } from "./db/url";

const files = new WeakMap<Db, string>();
const providers = new WeakMap<Db, DbProvider>();

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "postgresql") {
    const adapter = new PrismaPg(pgConnectionFromUrl(databaseUrl));
    // The one cast between the two clients: both are generated from the same models (the PostgreSQL schema is
    // derived from schema.prisma, lib/db/pg-schema.ts), so their model API is the same and the rest of lib/
    // keeps one Db type. Only the provider-specific parts differ (raw SQL, which checks dbProvider()).
    const db = new PgPrismaClient({ adapter }) as unknown as Db;
    providers.set(db, "postgresql");
    return db;
  }
  const file = sqlitePathFromUrl(databaseUrl);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  const db = new PrismaClient({ adapter });
  files.set(db, file);
  providers.set(db, "sqlite");
  return db;
}

/**
 * The SQLite file behind a client made by createDb (":memory:" for an in-memory one), for files kept beside it;
 * null on PostgreSQL, which has no file.
 */
export function databaseFile(db: Db): string | null {
  return files.get(db) ?? null;
}

/** Which database a client made by createDb talks to (SQLite for any other client, e.g. a test's own). */
export function dbProvider(db: Db): DbProvider {
  return providers.get(db) ?? "sqlite";
}

const cache = globalThis as unknown as { parallaxDb?: Db };

/** The process-wide client for DATABASE_URL. */
export function getDb(): Db {
  cache.parallaxDb ??= createDb(getEnv().DATABASE_URL);
  return cache.parallaxDb;
}

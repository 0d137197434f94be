// A fresh, migrated database for tests that need real storage: a SQLite file in a temp folder, or, when
// PARALLAX_TEST_DB=postgres, a new database on the PostgreSQL test server PARALLAX_TEST_PG_URL (created here,
// dropped at cleanup). vitest.config.ts runs the database tests a second time that way when the server is set.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { pgConnectionFromUrl, withDatabase } from "@/lib/db/url";

/** Whether this run's database tests use PostgreSQL. */
export const testingPostgres = process.env.PARALLAX_TEST_DB === "postgres";

/** The PostgreSQL test server's URL (any database on it), or null when none is configured. */
export function testPgServerUrl(): string | null {
  return process.env.PARALLAX_TEST_PG_URL || null;
}

/** Runs statements on the test server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onPgServer(statements: string[]): Promise<void> {
  const server = testPgServerUrl();
  if (!server) throw new Error("PARALLAX_TEST_PG_URL is not set");
  const conn = await new PrismaPg(pgConnectionFromUrl(server)).connect();
  try {
    for (const sql of statements) await conn.executeScript(sql);
  } finally {
    await conn.dispose();
  }
}

/** A new, empty PostgreSQL database on the test server: its URL and how to drop it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = testPgServerUrl();
  if (!server)
    throw new Error("PARALLAX_TEST_DB=postgres needs PARALLAX_TEST_PG_URL (a server where tests may CREATE DATABASE)");
  const name = `parallax_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await onPgServer([`CREATE DATABASE "${name}"`]);
  return {
    url: withDatabase(server, name),
    drop: () => onPgServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]),
  };
}

/**
 * A database URL that a script run by the test creates and migrates itself: a file in `dir`, or a new (empty)
 * database on the PostgreSQL test server.
 */
export async function createTempDbUrl(dir: string, file = "cli.db"): Promise<{ url: string; drop(): Promise<void> }> {
  if (testingPostgres) return createPgDatabase();
  return { url: `file:${path.join(dir, file)}`, drop: async () => {} };
}

export async function createTempDb(): Promise<{ db: Db; url: string; dir: string; cleanup(): Promise<void> }> {
  // The temp folder exists either way: tests keep other files there (saved states, inputs).
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-test-"));
  const pg = testingPostgres ? await createPgDatabase() : null;
  const url = pg ? pg.url : `file:${path.join(dir, "test.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  return {
    db,
    url,
    dir,
    async cleanup() {
      await db.$disconnect();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

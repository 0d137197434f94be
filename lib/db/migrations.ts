import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { createSchemaEngine } from "./schema-engine";
import { migrateSqliteSafely } from "./sqlite-migrate";
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from "./pg-schema";
import { type DbProvider, pgConnectionFromUrl, providerOf, sqlitePathFromUrl } from "./url";

const root = path.resolve(import.meta.dirname, "..", "..");
/** The SQLite schema and migrations (the embedded default). */
export const schemaPath = sqliteSchemaPath;
export const migrationsDir = path.join(root, "prisma", "migrations");
/** PostgreSQL's: the schema derived from schema.prisma (pg-schema.ts) and its own migration history. */
export const postgresMigrationsDir = path.join(root, "prisma", "postgresql", "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

/** Where a provider's schema and migrations live. */
export function layoutFor(provider: DbProvider): { schemaPath: string; migrationsDir: string } {
  return provider === "postgresql"
    ? { schemaPath: postgresSchemaPath, migrationsDir: postgresMigrationsDir }
    : { schemaPath, migrationsDir };
}

/** Reads prisma/migrations in the layout `prisma migrate` uses. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `missing ${file}` };
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

async function withEngine<T>(
  databaseUrl: string,
  run: (e: Awaited<ReturnType<typeof createSchemaEngine>>) => Promise<T>,
  shadowDatabaseFile?: string,
) {
  const provider = providerOf(databaseUrl);
  const layout = layoutFor(provider);
  const schema = { path: layout.schemaPath, content: await readFile(layout.schemaPath, "utf8") };
  let base: SqlMigrationAwareDriverAdapterFactory;
  if (provider === "postgresql") {
    const connection = pgConnectionFromUrl(databaseUrl);
    const pg = new PrismaPg(connection);
    base = {
      provider: pg.provider,
      adapterName: pg.adapterName,
      connect: async () => charAsText(await pg.connect()),
      // A fresh database on the same server for the diff's replay. Made here rather than by the adapter's own
      // connectToShadowDb, which drops the database before closing its pool and so fails ("being accessed by
      // other users").
      connectToShadowDb: async () => {
        const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
        const admin = await pg.connect();
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        const shadow = charAsText(await new PrismaPg({ ...connection, database: name }).connect());
        return new Proxy(shadow, {
          get(target, key, receiver) {
            if (key !== "dispose") return Reflect.get(target, key, receiver);
            return async () => {
              await target.dispose();
              try {
                await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
              } finally {
                await admin.dispose();
              }
            };
          },
        });
      },
    };
  } else {
    const file = sqlitePathFromUrl(databaseUrl);
    if (file !== ":memory:") await mkdir(path.dirname(file), { recursive: true });
    base = new PrismaBetterSqlite3(
      { url: file },
      shadowDatabaseFile ? { shadowDatabaseUrl: shadowDatabaseFile } : undefined,
    );
  }
  // The engine does not close the connections it opens; left open they keep the SQLite file locked (and a
  // PostgreSQL pool alive), and the app's own client then times out. Track them and dispose of them ourselves.
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(await base.connect()),
    connectToShadowDb: async () => track(await base.connectToShadowDb()),
  };
  const track = (adapter: SqlDriverAdapter) => {
    // The engine disposes of some itself (the shadow database); a second dispose would end a pg pool twice.
    let disposed: Promise<void> | undefined;
    const once = new Proxy(adapter, {
      get: (target, key, receiver) =>
        key === "dispose" ? () => (disposed ??= target.dispose()) : Reflect.get(target, key, receiver),
    });
    opened.push(once);
    return acceptScripts(once);
  };
  const engine = await createSchemaEngine(schema, factory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** Creates the URL's PostgreSQL database when it does not exist, through the server's "postgres" database. */
async function ensurePgDatabase(databaseUrl: string): Promise<void> {
  const connection = pgConnectionFromUrl(databaseUrl);
  const probe = await new PrismaPg(connection).connect();
  try {
    await probe.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] });
    return;
  } catch (error) {
    // 3D000: invalid_catalog_name, the database does not exist. Anything else is the caller's to see.
    const text = `${(error as { cause?: { originalCode?: string } }).cause?.originalCode ?? ""} ${String(error)}`;
    if (!/3D000|does not exist/.test(text)) throw error;
  } finally {
    await probe.dispose();
  }
  const admin = await new PrismaPg({ ...connection, database: "postgres" }).connect();
  try {
    await admin.executeScript(`CREATE DATABASE "${connection.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.dispose();
  }
}

/**
 * The engine's introspection of a PostgreSQL database (the diff describes the shadow database) reads catalogue
 * columns of the one-byte type "char" (oid 18, e.g. pg_class.relkind), which @prisma/adapter-pg 7.10 does not map
 * and refuses (UnsupportedNativeDataType). Its values are text, so such columns are reported as text (oid 25).
 * Only the schema engine's connections get this; the app's client never reads catalogue columns.
 */
function charAsText<A extends SqlDriverAdapter>(adapter: A): A {
  const io = adapter as unknown as { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

/**
 * When it replays migrations into a shadow database (to diff them against the schema), the WASM engine sends
 * each whole migration.sql through `executeRaw`, which better-sqlite3 refuses for more than one statement.
 * Such a call is run as a script instead.
 */
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (key !== "executeRaw") return Reflect.get(target, key, receiver);
      return async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
        try {
          return await target.executeRaw(query);
        } catch (error) {
          if (!(error instanceof RangeError) || query.args.length > 0 || !/more than one statement/.test(error.message))
            throw error;
          await target.executeScript(query.sql);
          return 0;
        }
      };
    },
  });
}

/**
 * Applies every pending migration to the database, from that provider's migrations folder, creating the SQLite
 * file or the PostgreSQL database if needed (as `prisma migrate deploy` does).
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  if (providerOf(databaseUrl) === "postgresql") await ensurePgDatabase(databaseUrl);
  const migrationsList = await readMigrations(layoutFor(providerOf(databaseUrl)).migrationsDir);
  const apply = (url: string) =>
    withEngine(url, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return out.appliedMigrationNames;
    });
  // A half-applied PostgreSQL migration is an operator's repair (`prisma migrate resolve`), as with Prisma's own
  // CLI; the embedded SQLite default has no operator, so a kill mid-way is guarded (sqlite-migrate.ts).
  if (providerOf(databaseUrl) === "postgresql") return apply(databaseUrl);
  const file = sqlitePathFromUrl(databaseUrl);
  if (file === ":memory:") return apply(databaseUrl);
  const names = migrationsList.migrationDirectories.map((m) => m.path);
  return migrateSqliteSafely(file, names, (target) => apply(`file:${target}`));
}

/**
 * SQL that takes a provider's migrations folder to its current schema; empty when they agree. SQLite works in
 * throwaway files; PostgreSQL needs a server (`serverUrl`, any database on it) where it may create and drop a
 * shadow database.
 */
export async function pendingSchemaDiff(provider: DbProvider = "sqlite", serverUrl?: string): Promise<string> {
  const layout = layoutFor(provider);
  const schema = { path: layout.schemaPath, content: await readFile(layout.schemaPath, "utf8") };
  const migrationsList = await readMigrations(layout.migrationsDir);
  const diff = (engine: Awaited<ReturnType<typeof createSchemaEngine>>) =>
    engine
      .diff({
        from: migrationsList.migrationDirectories.length ? { tag: "migrations", ...migrationsList } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: noFilters,
      })
      .then((out) => {
        const sql = (out.stdout ?? "").trim();
        return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
      });
  if (provider === "postgresql") {
    if (!serverUrl || providerOf(serverUrl) !== "postgresql") {
      throw new Error("pendingSchemaDiff: PostgreSQL needs a postgresql:// server URL for its shadow database");
    }
    return withEngine(serverUrl, diff);
  }
  // Replaying the migrations needs a shadow database; an in-memory one is not shared between the engine's
  // connections, so the replay fails (P3006). Throwaway files work.
  const scratch = await mkdtemp(path.join(tmpdir(), "parallax-diff-"));
  try {
    return await withEngine(`file:${path.join(scratch, "diff.db")}`, diff, path.join(scratch, "shadow.db"));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function writeMigration(provider: DbProvider, folder: string, sql: string): Promise<void> {
  const dir = layoutFor(provider).migrationsDir;
  await mkdir(path.join(dir, folder), { recursive: true });
  await writeFile(path.join(dir, folder, "migration.sql"), `${sql}\n`);
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
  }
}

/**
 * Writes the next migration folder, under one name, for each provider whose migrations lag its schema. The
 * PostgreSQL schema is derived again first. PostgreSQL's diff needs a server (`pgServerUrl`); without one only
 * SQLite's is written and `postgresql` says "no server".
 */
export async function createMigration(
  name: string,
  pgServerUrl?: string,
): Promise<{ sqlite: string | null; postgresql: string | null | "no server" }> {
  await mkdir(path.dirname(postgresSchemaPath), { recursive: true });
  await writeFile(postgresSchemaPath, derivePostgresSchema(await readFile(sqliteSchemaPath, "utf8")));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  const sqliteSql = await pendingSchemaDiff("sqlite");
  const pgSql = pgServerUrl ? await pendingSchemaDiff("postgresql", pgServerUrl) : null;
  if (sqliteSql) await writeMigration("sqlite", folder, sqliteSql);
  if (pgSql) await writeMigration("postgresql", folder, pgSql);
  return {
    sqlite: sqliteSql ? folder : null,
    postgresql: pgServerUrl ? (pgSql ? folder : null) : "no server",
  };
}

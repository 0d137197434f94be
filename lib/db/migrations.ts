import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { createSchemaEngine } from "./schema-engine";
import { sqlitePathFromUrl } from "./url";

const root = path.resolve(import.meta.dirname, "..", "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

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
  const file = sqlitePathFromUrl(databaseUrl);
  if (file !== ":memory:") await mkdir(path.dirname(file), { recursive: true });
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  // The engine does not close the connections it opens; left open they keep the SQLite file locked, and the
  // app's own client then times out. Track them and dispose of them ourselves.
  const opened: SqlDriverAdapter[] = [];
  const base = new PrismaBetterSqlite3(
    { url: file },
    shadowDatabaseFile ? { shadowDatabaseUrl: shadowDatabaseFile } : undefined,
  );
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(await base.connect()),
    connectToShadowDb: async () => track(await base.connectToShadowDb()),
  };
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return acceptScripts(adapter);
  };
  const engine = await createSchemaEngine(schema, factory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
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

/** Applies every pending migration to the SQLite database, creating the file if needed. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the migrations folder to the current schema; empty when they agree. */
export async function pendingSchemaDiff(): Promise<string> {
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const migrationsList = await readMigrations();
  // Replaying the migrations needs a shadow database; an in-memory one is not shared between the engine's
  // connections, so the replay fails (P3006). Throwaway files work.
  const scratch = await mkdtemp(path.join(tmpdir(), "parallax-diff-"));
  try {
    return await withEngine(
      `file:${path.join(scratch, "diff.db")}`,
      async (engine) => {
        const out = await engine.diff({
          from: migrationsList.migrationDirectories.length
            ? { tag: "migrations", ...migrationsList }
            : { tag: "empty" },
          to: { tag: "schemaDatamodel", files: [schema] },
          script: true,
          exitCode: null,
          filters: noFilters,
        });
        const sql = (out.stdout ?? "").trim();
        return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
      },
      path.join(scratch, "shadow.db"),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes a new migration folder for the difference between the migrations and the schema. */
export async function createMigration(name: string): Promise<string | null> {
  const sql = await pendingSchemaDiff();
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  await mkdir(path.join(migrationsDir, folder), { recursive: true });
  await writeFile(path.join(migrationsDir, folder, "migration.sql"), `${sql}\n`);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
    );
  }
  return folder;
}

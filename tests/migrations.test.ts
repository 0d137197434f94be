// Migrations run offline through the WASM schema engine; these guard the two things that go wrong with them, on
// SQLite and (in the "postgres" project, PARALLAX_TEST_DB=postgres) on PostgreSQL, each with its own folder.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, layoutFor, pendingSchemaDiff, readMigrations } from "@/lib/db/migrations";
import { createTempDb, testingPostgres, testPgServerUrl } from "./support/temp-db";

const provider = testingPostgres ? "postgresql" : "sqlite";

describe(`database migrations (${provider})`, () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  it("cover the whole schema: a schema change without its migration fails here", async () => {
    // Replays the provider's migrations into a shadow database and diffs them against its schema.
    expect(await pendingSchemaDiff(provider, testPgServerUrl() ?? undefined)).toBe("");
  });

  it("are recorded in _prisma_migrations as `prisma migrate deploy` records them, and apply once", async () => {
    const names = (await readMigrations(layoutFor(provider).migrationsDir)).migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);
    let rows: { migration_name: string; finished_at: unknown; checksum: string }[];
    if (testingPostgres) {
      rows = await t.db.$queryRawUnsafe(
        `SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`,
      );
    } else {
      const sqlite = new Database(t.url.slice("file:".length), { readonly: true });
      rows = sqlite
        .prepare("SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name")
        .all() as typeof rows;
      sqlite.close();
    }
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await applyMigrations(t.url)).toEqual([]);
    // The engine's connections are closed afterwards: the app's client can write at once.
    await t.db.setting.create({ data: { key: "probe", value: "1" } });
    expect(await t.db.setting.count()).toBe(1);
  });
});

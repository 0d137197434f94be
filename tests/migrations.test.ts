// Migrations run offline through the WASM schema engine; these guard the two things that go wrong with them.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, pendingSchemaDiff, readMigrations } from "@/lib/db/migrations";
import { createTempDb } from "./support/temp-db";

describe("database migrations", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  it("cover the whole schema: a schema change without its migration fails here", async () => {
    // Replays prisma/migrations into a shadow database and diffs it against prisma/schema.prisma.
    expect(await pendingSchemaDiff()).toBe("");
  });

  it("are recorded in _prisma_migrations as `prisma migrate deploy` records them, and apply once", async () => {
    const file = t.url.slice("file:".length);
    const names = (await readMigrations()).migrationDirectories.map((m) => m.path);
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite
      .prepare("SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name")
      .all() as {
      migration_name: string;
      finished_at: string | null;
      checksum: string;
    }[];
    sqlite.close();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await applyMigrations(t.url)).toEqual([]);
    // The engine's connections are closed afterwards: the app's client can write at once.
    await t.db.setting.create({ data: { key: "probe", value: "1" } });
    expect(await t.db.setting.count()).toBe(1);
  });
});

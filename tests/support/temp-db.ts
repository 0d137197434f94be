// A fresh, migrated SQLite database in a temp folder, for tests that need real storage.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";

export async function createTempDb(): Promise<{ db: Db; url: string; dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  return {
    db,
    url,
    dir,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

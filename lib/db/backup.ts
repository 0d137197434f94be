// Backup and restore of the SQLite database file. The backup uses SQLite's online backup API (better-sqlite3's
// db.backup()), which copies a consistent snapshot page by page while other connections keep writing: a plain
// file copy of a live database can catch a half-written transaction. Both write to a temporary file beside the
// target and rename it into place, so a killed run never leaves half a file under the real name.
import { renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

/** Checks that `file` is a sound SQLite database made by Parallax; throws with the reason otherwise. */
export function checkSqliteFile(file: string): void {
  let db: Database.Database;
  try {
    // Not readonly: a readonly connection cannot roll back a hot journal, and then cannot read the file at all.
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw new Error(`${file} cannot be opened as a SQLite database: ${(e as Error).message}`);
  }
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} fails PRAGMA integrity_check: ${String(result)}`);
    const migrations = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!migrations) throw new Error(`${file} is not a Parallax database (it has no _prisma_migrations table)`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(file)) throw e;
    throw new Error(`${file} is not a readable SQLite database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Copies the live database `source` to `target` with the online backup API; returns the pages copied. */
export async function backupSqlite(source: string, target: string): Promise<number> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // Read-write, though it only reads: a killed writer may have left a hot journal that must be rolled back first.
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  try {
    // All pages in one step, under one read lock: copied in steps, the backup starts over whenever another
    // process commits in between, and a busy writer can keep it from ever finishing.
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    checkSqliteFile(partial);
    renameSync(partial, target);
    return totalPages;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `backup` in place as the database file `target` (which nothing may have open: stop the app
 * first). The backup is checked first; the old file's journal and WAL are removed with it, and so is the
 * clusterer's saved index beside it (`<db>.cluster-state`), which described the old contents: the next start
 * rebuilds it from the stored features.
 */
export async function restoreSqlite(backup: string, target: string): Promise<void> {
  checkSqliteFile(backup);
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await src.backup(partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    src.close();
  }
  for (const suffix of ["-wal", "-shm", "-journal", ".cluster-state"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
}

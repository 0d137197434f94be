// SQLite migrations that a killed process cannot leave half-done. The schema engine records a migration as
// started, runs its script, then marks it finished; a process killed in between leaves a failed record, and every
// later start refuses to run (P3009) until someone repairs the file by hand. `npm run bench:crash` found exactly
// that: a kill during the first start's migration broke every later ingest. So:
// - a new database is migrated under another name and renamed into place only when complete (a rename is atomic);
// - before an existing database is migrated it is copied aside (SQLite's backup API), and a run that finds an
//   unfinished migration puts the copy back and migrates again;
// - a lock (a directory holding its owner's pid) keeps two processes from migrating one file at once.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";

/** A lock older than this is taken over even if its pid is alive (a reused pid must not block starts forever). */
const STALE_LOCK_MS = 10 * 60_000;

export async function migrateSqliteSafely(
  file: string,
  migrationNames: string[],
  apply: (file: string) => Promise<string[]>,
): Promise<string[]> {
  await mkdir(path.dirname(file), { recursive: true });
  return withMigrationLock(file, async () => {
    const fresh = `${file}.migrating`;
    const backup = `${file}.pre-migration`;
    await removeDatabase(fresh);
    if (!existsSync(file)) {
      const applied = await apply(fresh);
      await rename(fresh, file);
      return applied;
    }
    if (existsSync(backup) && hasUnfinishedMigration(file)) {
      // The copy was taken before the interrupted run began; the run's own writes are all in the half-done file.
      await removeDatabase(file);
      await rename(backup, file);
    }
    if (!hasPendingMigrations(file, migrationNames)) {
      await removeDatabase(backup);
      return apply(file);
    }
    await copyDatabase(file, backup);
    const applied = await apply(file);
    await removeDatabase(backup);
    return applied;
  });
}

function hasUnfinishedMigration(file: string): boolean {
  return withReadOnly(file, (db) =>
    hasMigrationTable(db)
      ? (
          db
            .prepare(
              "SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
            )
            .get() as { n: number }
        ).n > 0
      : false,
  );
}

function hasPendingMigrations(file: string, migrationNames: string[]): boolean {
  const done = withReadOnly(file, (db) =>
    hasMigrationTable(db)
      ? new Set(
          (
            db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as {
              migration_name: string;
            }[]
          ).map((r) => r.migration_name),
        )
      : new Set<string>(),
  );
  return migrationNames.some((name) => !done.has(name));
}

function hasMigrationTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
}

function withReadOnly<T>(file: string, read: (db: Database.Database) => T): T {
  // Not readonly: a hot journal left by the killed process must be rolled back before the file is read.
  const db = new Database(file, { timeout: 10_000 });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function copyDatabase(from: string, to: string): Promise<void> {
  await removeDatabase(to);
  const db = new Database(from, { timeout: 10_000 });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

/** A database file and the journals beside it: a stale journal next to a replaced file would corrupt it. */
async function removeDatabase(file: string): Promise<void> {
  await Promise.all(["", "-journal", "-wal", "-shm"].map((suffix) => rm(`${file}${suffix}`, { force: true })));
}

async function withMigrationLock<T>(file: string, run: () => Promise<T>): Promise<T> {
  const lock = `${file}.migrate-lock`;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (await lockIsStale(lock)) await rm(lock, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function lockIsStale(lock: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => ""));
  // No pid yet: its owner is between mkdir and writeFile, or died there; only age can tell which.
  if (!pid) return Date.now() - (await lockTime(lock)) > 5_000;
  if (!isAlive(pid)) return true;
  return Date.now() - (await lockTime(lock)) > STALE_LOCK_MS;
}

async function lockTime(lock: string): Promise<number> {
  return (await stat(lock).catch(() => null))?.mtimeMs ?? Date.now();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

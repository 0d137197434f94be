// npm run db:backup / db:restore on SQLite: a backup taken while another process writes is a consistent
// snapshot, and restoring it gives the same database, table by table.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArchive } from "@/lib/pipeline/archive";
import { writeArchiveCorpus } from "@/scripts/bench/archive-corpus";
import { runScript } from "./support/run-script";
import { projectRoot } from "./support/shared";
import { createTempDb } from "./support/temp-db";

// Not readonly: the writer is SIGKILLed mid-transaction, leaving a hot journal that the next reader must roll back
// (a readonly connection cannot, and fails with "attempt to write a readonly database"), as the app's next start would.
const open = (file: string) => new Database(file, { fileMustExist: true, timeout: 10_000 });

/** Every table's rows, in a fixed order, read straight from the file. */
function dump(file: string): Record<string, unknown[]> {
  const db = open(file);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all();
    out.sqlite_master = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    return out;
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = open(file);
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** A second process that writes pairs of IngestFailure rows, one transaction each, until killed. */
function startWriter(file: string): ChildProcess {
  const code = `
    const db = new (require("better-sqlite3"))(${JSON.stringify(file)}, { timeout: 10000 });
    const insert = db.prepare("INSERT INTO IngestFailure (origin, reason, createdAt) VALUES (?, 'writer', 0)");
    const pair = db.transaction((i) => { insert.run("writer:" + i + ":a"); insert.run("writer:" + i + ":b"); });
    let i = 0;
    process.stdout.write("ready\\n");
    for (;;) pair(i++);
  `;
  return spawn(process.execPath, ["-e", code], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
}

const testSqlite = process.env.PARALLAX_TEST_DB !== "postgres";

describe.runIf(testSqlite)("db:backup and db:restore", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let file: string;
  beforeAll(async () => {
    t = await createTempDb();
    file = t.url.slice("file:".length);
    const archive = path.join(t.dir, "archive.jsonl");
    await writeArchiveCorpus(archive, 24, 8, 3);
    await importArchive(archive, { db: t.db });
    await t.db.$disconnect();
  });
  afterAll(() => t.cleanup());

  it("takes a consistent backup while another process writes", async () => {
    const writer = startWriter(file);
    await once(writer.stdout!, "data");
    const backup = path.join(t.dir, "live.backup");
    const run = await runScript("db-backup", [backup], { DATABASE_URL: t.url });
    writer.kill("SIGKILL");
    await once(writer, "exit");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(integrity(backup)).toBe("ok");
    const copy = dump(backup);
    const written = copy.IngestFailure!.length;
    // The writer was running before the backup started, and each of its transactions is in or out as a whole.
    expect(written).toBeGreaterThan(0);
    expect(written % 2).toBe(0);
    expect(copy.Article).toEqual(dump(file).Article);

    // Restored over the (changed) database: refused without --force, then identical to the backup.
    const refused = await runScript("db-restore", [backup], { DATABASE_URL: t.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(dump(file)).not.toEqual(copy);
    const restored = await runScript("db-restore", [backup, "--force"], { DATABASE_URL: t.url });
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(integrity(file)).toBe("ok");
    expect(dump(file)).toEqual(copy);
  });

  it("restores a quiet database's backup to a new file identically, table by table", async () => {
    const backup = path.join(t.dir, "quiet.backup");
    expect((await runScript("db-backup", [backup], { DATABASE_URL: t.url })).code).toBe(0);
    // A second backup to the same file is refused unless --force.
    expect((await runScript("db-backup", [backup], { DATABASE_URL: t.url })).code).toBe(1);
    const fresh = path.join(t.dir, "restored.db");
    const run = await runScript("db-restore", [backup], { DATABASE_URL: `file:${fresh}` });
    expect(run.code).toBe(0);
    expect(integrity(fresh)).toBe("ok");
    const original = dump(file);
    expect(Object.keys(original)).toContain("Article");
    expect(dump(fresh)).toEqual(original);
  });

  it("refuses a file that is not a Parallax database", async () => {
    const bogus = path.join(t.dir, "bogus.db");
    new Database(bogus).exec("CREATE TABLE x (y)");
    const run = await runScript("db-restore", [bogus], { DATABASE_URL: `file:${path.join(t.dir, "other.db")}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not a Parallax database");
  });

  it("sends PostgreSQL users to pg_dump and pg_restore", async () => {
    const env = { DATABASE_URL: "postgresql://parallax@127.0.0.1:1/parallax" };
    const backup = await runScript("db-backup", [path.join(t.dir, "pg.backup")], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain("pg_dump");
    const restore = await runScript("db-restore", [path.join(t.dir, "pg.backup")], env);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain("pg_restore");
  });
});

// `npm run db:migrate` (what every start runs first) killed with SIGKILL while it writes a new database, then run
// again: the rerun must finish the database, not refuse it for a half-applied migration (P3009), which left every
// later start and ingest failing until the file was repaired by hand.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrations";
import { runScript } from "./support/run-script";
import { projectRoot } from "./support/shared";

const TSX = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "parallax-migrate-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = (file: string) => existsSync(file) && statSync(file).size > 0;

/** Starts db:migrate on `file` and SIGKILLs it `delayMs` after the engine first writes; false if it finished first. */
function killWhileMigrating(file: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Its own process group: the tsx CLI runs the script in a child process, and the kill must reach both.
    const child = spawn(process.execPath, [TSX, "scripts/db-migrate.ts"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "ignore",
      detached: true,
    });
    let done = false;
    child.on("exit", () => {
      done = true;
    });
    void (async () => {
      while (!done && !written(file) && !written(`${file}.migrating`)) await sleep(2);
      if (delayMs) await sleep(delayMs);
      if (done) return resolve(false);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        return resolve(false);
      }
      child.on("exit", () => resolve(true));
      if (done) resolve(true);
    })();
  });
}

describe("a migration killed half-way", () => {
  it("is completed by the next run, whatever moment the kill came", async () => {
    const names = (await readMigrations()).migrationDirectories.map((m) => m.path);
    let killed = 0;
    for (const [i, delayMs] of [0, 0, 5, 10, 20, 40, 80].entries()) {
      const file = path.join(dir, `kill-${i}.db`);
      if (await killWhileMigrating(file, delayMs)) killed++;
      const rerun = await runScript("db-migrate", [], { DATABASE_URL: `file:${file}` });
      expect(rerun.stderr).not.toMatch(/P3009|failed migrations/);
      expect(rerun.code).toBe(0);
      const db = new Database(file, { readonly: true });
      const rows = db.prepare("SELECT migration_name, finished_at FROM _prisma_migrations").all() as {
        migration_name: string;
        finished_at: string | null;
      }[];
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      db.close();
      expect(rows.filter((r) => r.finished_at).map((r) => r.migration_name)).toEqual(names);
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Article", "Event", "EventArticle", "Source"]));
    }
    // Most kills must land while the migration runs, or the test proves nothing.
    expect(killed).toBeGreaterThanOrEqual(4);
  }, 180_000);
});

// npm run db:backup -- FILE [--force]   A consistent copy of the live SQLite database (DATABASE_URL), taken with
// SQLite's online backup API while the app may be writing. On PostgreSQL: use pg_dump.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exitWhenFlushed } from "@/lib/cli/exit";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { backupSqlite } from "@/lib/db/backup";
import { providerOf, sqlitePathFromUrl } from "@/lib/db/url";
import { getEnv } from "@/lib/env";

const USAGE = `usage: npm run db:backup -- FILE [--force]
  Copies the SQLite database DATABASE_URL names to FILE with SQLite's online backup API: safe while npm start is
  running and writing. Refuses to overwrite an existing FILE unless --force. Restore with npm run db:restore.
  On PostgreSQL use pg_dump (e.g. pg_dump -Fc -f parallax.dump "$DATABASE_URL").`;
const args = await parseCliArgs(
  z.object({
    positionals: z.array(z.string().min(1)).length(1, USAGE),
    values: z.object({ force: z.boolean().default(false), help: z.boolean().optional() }),
  }),
  { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  USAGE,
);
if (args.values.help) {
  console.log(USAGE);
  throw await exitWhenFlushed(0);
}
const url = getEnv().DATABASE_URL;
if (providerOf(url) === "postgresql") {
  console.error(
    'DATABASE_URL is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f parallax.dump "$DATABASE_URL") and restore with pg_restore.',
  );
  throw await exitWhenFlushed(2);
}
const source = sqlitePathFromUrl(url);
const target = path.resolve(args.positionals[0]);
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  throw await exitWhenFlushed(1);
}
if (path.resolve(source) === target) {
  console.error("the backup file is the database itself");
  throw await exitWhenFlushed(2);
}
if (existsSync(target) && !args.values.force) {
  console.error(`${target} exists; pass --force to overwrite it`);
  throw await exitWhenFlushed(1);
}
try {
  const pages = await backupSqlite(source, target);
  console.log(`backed up ${source} to ${target} (${pages} pages)`);
  await exitWhenFlushed(0);
} catch (e) {
  console.error(`backup failed: ${(e as Error).message}`);
  await exitWhenFlushed(1);
}

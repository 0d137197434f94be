// npm run db:restore -- FILE [--force]   Puts a backup made by db:backup in place as the SQLite database
// DATABASE_URL names. Stop the app first. On PostgreSQL: use pg_restore.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exitWhenFlushed } from "@/lib/cli/exit";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { restoreSqlite } from "@/lib/db/backup";
import { providerOf, sqlitePathFromUrl } from "@/lib/db/url";
import { getEnv } from "@/lib/env";

const USAGE = `usage: npm run db:restore -- FILE [--force]
  Replaces the SQLite database DATABASE_URL names with the backup FILE (made by npm run db:backup), after checking
  that FILE is a sound Parallax database (PRAGMA integrity_check). Stop npm start (and anything else using the
  database) first: a running app would keep writing to the old file. When the database file exists, it is only
  replaced with --force (its current contents are lost); the clusterer's saved index beside it is removed and
  rebuilt at the next start. On PostgreSQL use pg_restore (e.g. pg_restore --clean -d "$DATABASE_URL" parallax.dump).`;
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
    'DATABASE_URL is PostgreSQL: restore a pg_dump archive with pg_restore (e.g. pg_restore --clean -d "$DATABASE_URL" parallax.dump).',
  );
  throw await exitWhenFlushed(2);
}
const target = sqlitePathFromUrl(url);
const backup = path.resolve(args.positionals[0]);
if (!existsSync(backup)) {
  console.error(`no such file: ${backup}`);
  throw await exitWhenFlushed(2);
}
if (existsSync(target) && !args.values.force) {
  console.error(`${target} exists; stop the app and pass --force to replace it with ${backup}`);
  throw await exitWhenFlushed(1);
}
try {
  await restoreSqlite(backup, target);
  console.log(`restored ${backup} to ${target}`);
  await exitWhenFlushed(0);
} catch (e) {
  console.error(`restore failed: ${(e as Error).message}`);
  await exitWhenFlushed(1);
}

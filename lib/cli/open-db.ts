// What every command-line tool does first: read the environment, bring the database up to date, connect.
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { parseEnv, type Env } from "@/lib/env-schema";

export async function openMigratedDb(): Promise<{ env: Env; db: Db }> {
  const env = parseEnv(process.env);
  await applyMigrations(env.DATABASE_URL);
  return { env, db: createDb(env.DATABASE_URL) };
}

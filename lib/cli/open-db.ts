// What every command-line tool does first: read the environment, bring the database up to date, connect.
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { type Env, getEnv } from "@/lib/env";

export async function openMigratedDb(): Promise<{ env: Env; db: Db }> {
  const env = getEnv();
  await applyMigrations(env.DATABASE_URL);
  return { env, db: createDb(env.DATABASE_URL) };
}

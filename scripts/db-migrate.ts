// Applies pending migrations to DATABASE_URL (default ./data/parallax.db), creating the file if needed.
import { applyMigrations } from "../lib/db/migrations";
import { getEnv } from "../lib/env";

const { DATABASE_URL } = getEnv();
const applied = await applyMigrations(DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");

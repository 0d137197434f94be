// Applies pending migrations to DATABASE_URL (default ./data/parallax.db), creating the file if needed.
import { applyMigrations } from "../lib/db/migrations";
import { parseEnv } from "../lib/env-schema";

const { DATABASE_URL } = parseEnv(process.env);
const applied = await applyMigrations(DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");

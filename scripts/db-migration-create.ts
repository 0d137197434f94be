// Writes prisma/migrations/<timestamp>_<name>/migration.sql for schema changes (what `prisma migrate dev
// --create-only` does), offline through the WASM schema engine.
import { z } from "zod";
import { createMigration } from "../lib/db/migrations";

const name = z
  .string()
  .regex(/^[a-z0-9_]+$/i, "name: letters, digits and _ only")
  .parse(process.argv[2] ?? "migration");
const folder = await createMigration(name);
console.log(folder ? `created prisma/migrations/${folder}` : "schema and migrations agree: nothing to create");

// Writes the next migration folder for schema changes (what `prisma migrate dev --create-only` does), offline
// through the WASM schema engine, for both databases under one name: prisma/migrations/<timestamp>_<name> (SQLite)
// and prisma/postgresql/migrations/<timestamp>_<name> (PostgreSQL, after deriving prisma/postgresql/schema.prisma
// again). PostgreSQL's diff replays its migrations in a shadow database, so it needs a server: set
// PARALLAX_TEST_PG_URL (e.g. postgresql://postgres@127.0.0.1:54329/postgres, scripts/ci/start-postgres.sh prints
// one). Without it only SQLite's folder is written and the command fails, so the gap is not missed.
import { z } from "zod";
import { createMigration } from "../lib/db/migrations";

const name = z
  .string()
  .regex(/^[a-z0-9_]+$/i, "name: letters, digits and _ only")
  .parse(process.argv[2] ?? "migration");
const pgServer = process.env.PARALLAX_TEST_PG_URL || undefined;
const made = await createMigration(name, pgServer);
console.log(made.sqlite ? `created prisma/migrations/${made.sqlite}` : "SQLite: schema and migrations agree");
if (made.postgresql === "no server") {
  console.error(
    "PostgreSQL: not written: set PARALLAX_TEST_PG_URL to a server where a shadow database may be created " +
      "(scripts/ci/start-postgres.sh starts one) and run this again",
  );
  process.exitCode = 1;
} else {
  console.log(
    made.postgresql
      ? `created prisma/postgresql/migrations/${made.postgresql}`
      : "PostgreSQL: schema and migrations agree",
  );
}

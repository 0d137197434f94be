// A counter of membership changes, kept in the database, so that every in-memory clusterer can tell that another
// writer changed the memberships behind its back: an import in another process, an editor's move or merge (which
// in `npm start` runs in Next's bundle, whose module copy of assign-event holds its own states), a recluster.
// Each writer bumps it in the same transaction as its change; a clusterer that finds a value it did not write
// itself reloads before placing the next article.
import type { Db, Tx } from "@/lib/db";

const KEY = "cluster.generation";

/** Counts one membership change; returns the new value. Call inside the transaction that makes the change. */
export async function bumpGeneration(tx: Tx | Db): Promise<number> {
  // One statement that runs on SQLite and PostgreSQL alike: Prisma's tagged template writes each provider's
  // placeholders, the row is qualified (PostgreSQL's DO UPDATE would find a bare "value" ambiguous), the counter
  // goes back to text explicitly, and the time is a parameter rather than CURRENT_TIMESTAMP (which PostgreSQL
  // would give in the session's zone, not the UTC Prisma stores). Atomic on both: SQLite holds the write lock,
  // PostgreSQL the row lock of the conflicting key until the transaction ends.
  const now = new Date();
  const rows = await tx.$queryRaw<{ value: string }[]>`
    INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${KEY}, '1', ${now})
    ON CONFLICT ("key") DO UPDATE
      SET "value" = CAST(CAST("Setting"."value" AS INTEGER) + 1 AS TEXT), "updatedAt" = ${now}
    RETURNING "value"`;
  return Number(rows[0]!.value);
}

/** The current value (0 before the first change). */
export async function readGeneration(db: Db | Tx): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  return row ? Number(row.value) : 0;
}

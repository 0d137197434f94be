// The clusterer's index saved beside the database (`<db file>.cluster-state`), so that a restart loads it in
// seconds instead of replaying every stored membership (see state-file.ts). A saved state is only used while the
// database still holds exactly the memberships it was saved with: the file carries a stamp of them, and any
// difference (articles clustered since, an editor's move or merge, a recluster, a crash after the save) makes the
// restart replay from the database as before, which is slower but always right.
import { existsSync, rmSync } from "node:fs";
import { databaseFile, type Db } from "@/lib/db";
import type { Clusterer, ClustererConfig } from "./clusterer";
import { createClusterer } from "./clusterer";
import { featuresVersion } from "./features";
import { readStateFile, writeStateFile } from "./state-file";

export function stateFileFor(db: Db): string | null {
  const file = databaseFile(db);
  return file === null || file === ":memory:" ? null : `${file}.cluster-state`;
}

// Checksums over the memberships and merges: one scan each, tens of milliseconds at 100,000 articles. The modulo
// keeps every term below 2^31, so the sums cannot overflow SQLite's 64-bit integers.
const MEMBERS_SQL = `SELECT count(*) AS n, coalesce(sum((articleId * 1000003 + eventId) % 2147483647), 0) AS s,
  coalesce(max(joinedAt), '') AS j FROM EventArticle`;
const MERGES_SQL = `SELECT count(*) AS n, coalesce(sum((id * 1000003 + mergedIntoId) % 2147483647), 0) AS s
  FROM Event WHERE mergedIntoId IS NOT NULL`;

/** What the saved index must have been built from: the features' version, every membership and every merge. */
export async function membershipStamp(db: Db): Promise<string> {
  const [m] = await db.$queryRawUnsafe<{ n: bigint | number; s: bigint | number; j: string | number }[]>(MEMBERS_SQL);
  const [e] = await db.$queryRawUnsafe<{ n: bigint | number; s: bigint | number }[]>(MERGES_SQL);
  return [featuresVersion, m.n, m.s, m.j, e.n, e.s].map(String).join("|");
}

/** The saved clusterer when it matches the database, else null (with the reason in `onSkip`). */
export async function loadSavedState(db: Db, config: ClustererConfig | undefined, onSkip: (why: string) => void = () => {}): Promise<Clusterer | null> {
  const file = stateFileFor(db);
  if (file === null || !existsSync(file)) return null;
  try {
    const snapshot = readStateFile(file, await membershipStamp(db));
    const clusterer = createClusterer(config);
    clusterer.restoreState(snapshot);
    return clusterer;
  } catch (error) {
    onSkip(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * Saves the clusterer under the stamp of the memberships it holds. `isCurrent` says whether the clusterer still
 * holds every membership in the database (assign-event compares generations); it is asked before and after the
 * stamp is read, so a change committed by another writer in between cannot be stamped into a file that lacks it.
 * The caller holds the clustering queue, so this process changes nothing meanwhile.
 */
export async function saveState(db: Db, clusterer: Clusterer, isCurrent: () => Promise<boolean>): Promise<string | null> {
  const file = stateFileFor(db);
  if (file === null || !(await isCurrent())) return null;
  const stamp = await membershipStamp(db);
  if (!(await isCurrent())) return null;
  writeStateFile(file, clusterer.exportState(), stamp);
  return file;
}

/** Removes a saved state (recluster rebuilds everything; a stale file would only be refused later). */
export function dropSavedState(db: Db): void {
  const file = stateFileFor(db);
  if (file !== null) rmSync(file, { force: true });
}

// The clusterer's index saved beside the database (`<db file>.cluster-state`), so that a restart loads it in
// seconds instead of replaying every stored membership (see state-file.ts). A saved state is stamped with the
// membership generation it holds (generation.ts: every placement, merge, editor's move and recluster counts one,
// in the same transaction): any change since (articles clustered elsewhere, a crash after the save) makes the
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

// Stored features are recomputed when their version changes, so a state built from older ones is stale too.
const stampOf = (generation: number) => `features ${featuresVersion}, generation ${generation}`;

/**
 * The saved clusterer when it was saved at `generation` (the database's, read by the caller before loading),
 * else null with the reason in `onSkip`.
 */
export async function loadSavedState(
  db: Db,
  config: ClustererConfig | undefined,
  generation: number,
  onSkip: (why: string) => void = () => {},
): Promise<Clusterer | null> {
  const file = stateFileFor(db);
  if (file === null || !existsSync(file)) return null;
  try {
    const snapshot = readStateFile(file, stampOf(generation));
    const clusterer = createClusterer(config);
    clusterer.restoreState(snapshot);
    return clusterer;
  } catch (error) {
    onSkip(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * Saves a clusterer that holds every membership up to `generation`. Should another writer commit meanwhile, the
 * database moves past that generation and the file is refused at the next load: never wrongly used.
 */
export function saveState(db: Db, clusterer: Clusterer, generation: number): string | null {
  const file = stateFileFor(db);
  if (file === null) return null;
  writeStateFile(file, clusterer.exportState(), stampOf(generation));
  return file;
}

/** Removes a saved state (recluster rebuilds everything; a stale file would only be read and refused later). */
export function dropSavedState(db: Db): void {
  const file = stateFileFor(db);
  if (file !== null) rmSync(file, { force: true });
}

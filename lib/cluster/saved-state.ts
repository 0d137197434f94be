// The clusterer's index saved beside the database (`<db file>.cluster-state`), so that a restart loads it in
// seconds instead of replaying every stored membership (see state-file.ts). A saved state is stamped with the
// membership generation it holds (generation.ts: every placement, merge, editor's move and recluster counts one,
// in the same transaction): any change since (articles clustered elsewhere, a crash after the save) makes the
// restart replay from the database as before, which is slower but always right.
// On PostgreSQL the index lives in the database itself (table ClusterStateChunk: the same bytes gzipped, in parts),
// where whichever worker takes clustering over reads it: several workers share no disk.
import { existsSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { databaseFile, type Db, dbProvider } from "@/lib/db";
import type { Clusterer, ClustererConfig } from "./clusterer";
import { createClusterer } from "./clusterer";
import type { ClustererSnapshot } from "./clusterer-snapshot";
import { featuresVersion } from "./features";
import { decodeState, encodeState, readStateFile, writeStateFile } from "./state-file";

/** Where the saved index of a PostgreSQL database is, in messages. */
export const DATABASE_STATE = "table ClusterStateChunk";

/** The largest part of a saved index in one row (a bytea value may hold 1 GB; smaller parts stream better). */
const PART_BYTES = 16 * 1024 * 1024;

const inDatabase = (db: Db) => dbProvider(db) === "postgresql";

export function stateFileFor(db: Db): string | null {
  if (inDatabase(db)) return null;
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
  try {
    const snapshot = inDatabase(db) ? await readFromDatabase(db, stampOf(generation)) : readFromFile(db, generation);
    if (snapshot === null) return null;
    const clusterer = createClusterer(config);
    clusterer.restoreState(snapshot);
    return clusterer;
  } catch (error) {
    onSkip(error instanceof Error ? error.message : String(error));
    return null;
  }
}

function readFromFile(db: Db, generation: number): ClustererSnapshot | null {
  const file = stateFileFor(db);
  if (file === null || !existsSync(file)) return null;
  return readStateFile(file, stampOf(generation));
}

/** The saved parts when they were saved for `stamp` (only their stamps are read otherwise), else null. */
async function readFromDatabase(db: Db, stamp: string): Promise<ClustererSnapshot | null> {
  const first = await db.clusterStateChunk.findFirst({ select: { stamp: true }, orderBy: { part: "asc" } });
  if (first === null) return null;
  if (first.stamp !== stamp) throw new Error(`${DATABASE_STATE} was saved for another state of the database`);
  const parts = await db.clusterStateChunk.findMany({ where: { stamp }, orderBy: { part: "asc" } });
  const bytes = await promisify(gunzip)(Buffer.concat(parts.map((p) => p.data)));
  // The format's checksum rejects a state missing a part or mixing two saves.
  return decodeState(bytes as Buffer<ArrayBuffer>, DATABASE_STATE, stamp);
}

/**
 * Saves a clusterer that holds every membership up to `generation`; returns where (a file, or the table on
 * PostgreSQL), or null for a database without a file. Should another writer commit meanwhile, the database moves
 * past that generation and the saved state is refused at the next load: never wrongly used.
 */
export async function saveState(db: Db, clusterer: Clusterer, generation: number): Promise<string | null> {
  if (inDatabase(db)) {
    const zipped = await promisify(gzip)(Buffer.concat(encodeState(clusterer.exportState(), stampOf(generation))), {
      level: 1,
    });
    const stamp = stampOf(generation);
    // One transaction: another worker reads the old state or the new one, never parts of both.
    await db.$transaction(
      async (tx) => {
        await tx.clusterStateChunk.deleteMany();
        for (let part = 0, at = 0; at < zipped.length; part++, at += PART_BYTES)
          await tx.clusterStateChunk.create({
            data: { part, stamp, data: new Uint8Array(zipped.subarray(at, at + PART_BYTES)) },
          });
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return DATABASE_STATE;
  }
  const file = stateFileFor(db);
  if (file === null) return null;
  writeStateFile(file, clusterer.exportState(), stampOf(generation));
  return file;
}

/** Removes a saved state (recluster rebuilds everything; a stale one would only be read and refused later). */
export async function dropSavedState(db: Db): Promise<void> {
  if (inDatabase(db)) {
    await db.clusterStateChunk.deleteMany();
    return;
  }
  const file = stateFileFor(db);
  if (file !== null) rmSync(file, { force: true });
}

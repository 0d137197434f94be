// A merged event keeps its row with `mergedIntoId` set, so links already shared still find the story. Merges
// chain (A into B, then B into C), and the event pages, the API and the comparison all follow a chain the same
// way: here, before compare and events in the stage order, so both can.
import type { Db } from "@/lib/db";

/** Hops followed through chains of merges (A into B into C) before giving up on a cycle. */
const MAX_MERGE_HOPS = 32;

/** The surviving event at the end of the chain of merges from `start`, or null for a missing link or a cycle. */
export async function resolveMergeChain(db: Db, start: number): Promise<number | null> {
  let id = start;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const row = await db.event.findUnique({ where: { id }, select: { mergedIntoId: true } });
    if (!row) return null;
    if (row.mergedIntoId === null) return id;
    id = row.mergedIntoId;
  }
  return null;
}

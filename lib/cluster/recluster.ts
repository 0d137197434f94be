// Rebuilds every event from scratch: all memberships and events are dropped and the articles are clustered again
// one at a time in arrival order (date printed, else fetch time; then id), through the same code path as
// streaming ingest, so a rebuild gives exactly the events that streaming the articles in that order gives.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clusterArticle, forgetClusterState, saveClusterState } from "./assign-event";
import { bumpGeneration } from "./generation";
import { dropSavedState } from "./saved-state";
import type { ClustererConfig } from "./clusterer";

/** Article ids in arrival order. */
export async function arrivalOrder(db: PrismaClient): Promise<number[]> {
  const rows = await db.article.findMany({ select: { id: true, publishedAt: true, fetchedAt: true } });
  const time = (r: (typeof rows)[number]) => (r.publishedAt ?? r.fetchedAt).getTime();
  return rows.sort((a, b) => time(a) - time(b) || a.id - b.id).map((r) => r.id);
}

/**
 * Events carrying editors' decisions (curated membership, an edited title, pinned, hidden or tagged). A rebuild
 * drops every event, and with them these decisions, so the command asks for --force when there are any.
 */
export async function eventsWithEditorialWork(db: PrismaClient): Promise<number> {
  return db.event.count({
    where: {
      OR: [
        { curatedAt: { not: null } },
        { editedAt: { not: null } },
        { pinned: true },
        { hidden: true },
        { tags: { some: {} } },
      ],
    },
  });
}

export async function reclusterAll(
  db: PrismaClient,
  options: { config?: ClustererConfig; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ articles: number; events: number }> {
  const order = await arrivalOrder(db);
  await db.$transaction(async (tx) => {
    await tx.eventArticle.deleteMany();
    await tx.event.deleteMany();
    await bumpGeneration(tx);
  });
  forgetClusterState(db);
  await dropSavedState(db);
  for (const [i, id] of order.entries()) {
    await clusterArticle(db, id, options.config);
    if ((i + 1) % 500 === 0) options.onProgress?.(i + 1, order.length);
  }
  await saveClusterState(db);
  return { articles: order.length, events: await db.event.count({ where: { mergedIntoId: null } }) };
}

// The version of everything the event page renders: the event row (title, summary, counts, merge), each
// member article and its outlet (through comparisonVersion, the hash the stored comparison is keyed on) and
// the stored comparison itself (which also snapshots the "not covered by" outlets). Every write to those rows
// goes through Prisma, whose @updatedAt moves on each update, so any change a reader could see changes this.
import { createHash } from "node:crypto";
import { comparisonVersion, versionedMembersSelect } from "@/lib/compare/cache";
import type { Db } from "@/lib/db";
import { idParamSchema } from "@/lib/http/schema";

/**
 * Null when the page is not a plain render of a settled event (no such event, merged into another, or a
 * comparison still to be rebuilt by the render itself): such requests are not cached.
 */
export async function eventPageVersion(db: Db, eventId: number): Promise<string | null> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      updatedAt: true,
      mergedIntoId: true,
      comparison: { select: { version: true, computedAt: true } },
      members: versionedMembersSelect,
    },
  });
  if (!event || event.mergedIntoId !== null || !event.comparison) return null;
  const members = comparisonVersion(event.members);
  if (event.comparison.version !== members) return null;
  return createHash("sha256")
    .update(`${event.updatedAt.getTime()}\n${members}\n${event.comparison.computedAt.getTime()}`)
    .digest("hex")
    .slice(0, 32);
}

const EVENT_PAGE = /^\/events\/([^/]+)$/;

/** The page cache's view of /events/<id>: its version, or null for any other URL. */
export function eventPageMatch(db: Db, url: URL) {
  const id = idParamSchema.safeParse(EVENT_PAGE.exec(url.pathname)?.[1] ?? "");
  return id.success ? { version: () => eventPageVersion(db, id.data) } : null;
}

import "server-only";
import { getDb, type Db } from "@/lib/db";

export interface TagWithCount {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  eventCount: number;
}

export interface EditorEvent {
  id: number;
  title: string;
  lastSeenAt: Date;
  sourceCount: number;
  tags: { id: number; name: string; slug: string }[];
}

export async function listTags(db: Db = getDb()): Promise<TagWithCount[]> {
  const rows = await db.tag.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { events: true } } } });
  return rows.map(({ _count, createdAt: _createdAt, ...t }) => ({ ...t, eventCount: _count.events }));
}

/** The most recently active visible events, with their tags, for the editors' desk. */
export async function recentEventsForEditors(limit: number, db: Db = getDb()): Promise<EditorEvent[]> {
  const rows = await db.event.findMany({
    where: { mergedIntoId: null, articleCount: { gt: 0 } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      lastSeenAt: true,
      sourceCount: true,
      tags: { select: { tag: { select: { id: true, name: true, slug: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  return rows.map(({ tags, ...e }) => ({ ...e, tags: tags.map((t) => t.tag) }));
}

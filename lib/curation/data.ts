import "server-only";
import { getDb, type Db } from "@/lib/db";
import { curatedEventFields } from "./event-fields";

export interface CurationArticle {
  id: number;
  title: string;
  publishedAt: Date | null;
  source: { name: string; domain: string } | null;
}

export interface CurationEvent {
  id: number;
  title: string;
  summary: string | null;
  pinned: boolean;
  hidden: boolean;
  mergedIntoId: number | null;
  articleCount: number;
  sourceCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  curatedAt: Date | null;
  editedAt: Date | null;
  articles: CurationArticle[];
}

export interface CurationListItem {
  id: number;
  title: string;
  pinned: boolean;
  hidden: boolean;
  sourceCount: number;
}

/** An event as the per-event editor page shows it, merged or not (a merged one says where it went). */
export async function getEventForCuration(id: number, db: Db = getDb()): Promise<CurationEvent | null> {
  const row = await db.event.findUnique({
    where: { id },
    select: {
      ...curatedEventFields,
      editedAt: true,
      members: {
        select: {
          article: {
            select: { id: true, title: true, publishedAt: true, source: { select: { name: true, domain: true } } },
          },
        },
        orderBy: { articleId: "asc" },
      },
    },
  });
  if (!row) return null;
  const { members, ...event } = row;
  return { ...event, articles: members.map((m) => m.article) };
}

/** Pinned and hidden events, which an editor needs to find again to undo. */
export async function listCuratedFlags(db: Db = getDb()): Promise<CurationListItem[]> {
  return db.event.findMany({
    where: { mergedIntoId: null, OR: [{ pinned: true }, { hidden: true }] },
    orderBy: [{ pinned: "desc" }, { lastSeenAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, pinned: true, hidden: true, sourceCount: true },
    take: 200,
  });
}

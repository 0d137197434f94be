// Public reads by tag: the tag page (/tags/[slug]), its feeds and the OPML list of every tag's feed.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { distinctSources, visibleEventWhere } from "@/lib/events/data";
import type { EventSummary } from "@/lib/events/types";

export interface PublicTag {
  id: number;
  name: string;
  slug: string;
  description: string | null;
}

const sourceSelect = { name: true, domain: true, country: true } as const;

/** The tag and its visible events, newest coverage first; null when no tag has this slug. */
export async function getTagWithEvents(
  slug: string,
  limit: number,
  db: Db = getDb(),
): Promise<{ tag: PublicTag; events: EventSummary[]; total: number } | null> {
  const tag = await db.tag.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, description: true },
  });
  if (!tag) return null;
  const where = { ...visibleEventWhere, tags: { some: { tagId: tag.id } } };
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        title: true,
        summary: true,
        firstSeenAt: true,
        lastSeenAt: true,
        articleCount: true,
        sourceCount: true,
        members: { select: { article: { select: { source: { select: sourceSelect } } } } },
      },
    }),
    db.event.count({ where }),
  ]);
  const events = rows.map(({ members, ...e }) => ({
    ...e,
    sources: distinctSources(members.map((m) => m.article.source)),
  }));
  return { tag, events, total };
}

/** The current slug of the tag that used to answer to `slug` (renamed or merged), or null. */
export async function tagSlugRedirect(slug: string, db: Db = getDb()): Promise<string | null> {
  const alias = await db.tagAlias.findUnique({ where: { slug }, select: { tag: { select: { slug: true } } } });
  return alias?.tag.slug ?? null;
}

/** Every tag with the time its newest visible event was last seen (null when it has none), by name. */
export async function listPublicTags(
  db: Db = getDb(),
): Promise<(PublicTag & { lastSeenAt: Date | null; createdAt: Date })[]> {
  const tags = await db.tag.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, slug: true, description: true, createdAt: true },
  });
  const links = await db.eventTag.findMany({
    where: { event: visibleEventWhere },
    select: { tagId: true, event: { select: { lastSeenAt: true } } },
  });
  const byTag = new Map<number, Date>();
  for (const l of links) {
    const prev = byTag.get(l.tagId);
    if (!prev || l.event.lastSeenAt > prev) byTag.set(l.tagId, l.event.lastSeenAt);
  }
  return tags.map((t) => ({ ...t, lastSeenAt: byTag.get(t.id) ?? null }));
}

// Reads for the event pages and the events API. Every function takes the Prisma client as its last
// argument so tests can hand in a client on a temporary database.
import "server-only";
import { resolveMergeChain } from "@/lib/cluster/merge-chain";
import type { VersionedMembers } from "@/lib/compare/cache";
import { getDb, type Db } from "@/lib/db";
import { rankEvents } from "./ranking";
import type { EventArticle, EventDetail, EventPage, EventRedirect, EventSummary, SourceRef } from "./types";

export type * from "./types";

const sourceSelect = { name: true, domain: true, country: true } as const;

/** Distinct outlets by domain, in alphabetical order: a neutral order that favours no outlet. */
export function distinctSources(sources: readonly (SourceRef | null)[]): SourceRef[] {
  const byDomain = new Map<string, SourceRef>();
  for (const s of sources) if (s && !byDomain.has(s.domain)) byDomain.set(s.domain, s);
  return [...byDomain.values()].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

// Merged events are tombstones, events left empty have nothing to show, and hidden ones an editor took off the
// listings (their own page still answers, so links already shared keep working).
export const visibleEventWhere = { mergedIntoId: null, articleCount: { gt: 0 }, hidden: false };

/**
 * One page of events, best ranked first (see ranking.ts). The score depends on the time of the query, so
 * it cannot be an index: the three ranking columns of every visible event are read and ranked here, which
 * stays cheap well into the hundreds of thousands of events, and only the page is loaded in full.
 */
export async function listEvents(
  params: { limit: number; offset: number; now?: Date },
  db: Db = getDb(),
): Promise<EventPage> {
  const { limit, offset, now = new Date() } = params;
  const candidates = await db.event.findMany({
    where: visibleEventWhere,
    select: { id: true, sourceCount: true, lastSeenAt: true, pinned: true },
  });
  const pageIds = rankEvents(candidates, now)
    .slice(offset, offset + limit)
    .map((e) => e.id);
  const rows = await db.event.findMany({
    where: { id: { in: pageIds } },
    include: { members: { select: { article: { select: { source: { select: sourceSelect } } } } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const events = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return []; // deleted between the two queries
    const {
      members,
      mergedIntoId: _m,
      createdAt: _c,
      updatedAt: _u,
      pinned: _p,
      hidden: _h,
      curatedAt: _cu,
      editedAt: _e,
      ...event
    } = row;
    return [{ ...event, sources: distinctSources(members.map((m) => m.article.source)) } satisfies EventSummary];
  });
  return { events, total: candidates.length, limit, offset };
}

function byPublication(a: EventArticle, b: EventArticle): number {
  if (a.publishedAt && b.publishedAt) return a.publishedAt.getTime() - b.publishedAt.getTime() || a.id - b.id;
  if (a.publishedAt) return -1;
  if (b.publishedAt) return 1;
  return a.id - b.id;
}

// The article fields a page shows, and the update times the comparison's version hashes (versionedMembersSelect),
// so the event page reads its members once for both.
const memberSelect = {
  select: {
    article: {
      select: {
        id: true,
        title: true,
        byline: true,
        publishedAt: true,
        language: true,
        url: true,
        status: true,
        text: true,
        updatedAt: true,
        source: { select: { ...sourceSelect, updatedAt: true } },
      },
    },
  },
} as const;

/** An event as a page shows it, and its members as the stored comparison's version hashes them. */
export interface EventWithMembers {
  event: EventDetail;
  members: VersionedMembers;
}

/**
 * The event with its articles and members, `{ redirectTo }` when it was merged into another event (following
 * chains of merges to the survivor), or null when there is no such event.
 */
export async function readEvent(id: number, db: Db = getDb()): Promise<EventWithMembers | EventRedirect | null> {
  const row = await db.event.findUnique({ where: { id }, include: { members: memberSelect } });
  if (!row) return null;
  if (row.mergedIntoId !== null) {
    const target = await resolveMergeChain(db, row.mergedIntoId);
    return target === null ? null : { redirectTo: target };
  }
  const {
    members,
    mergedIntoId: _m,
    createdAt: _c,
    updatedAt: _u,
    pinned: _p,
    hidden: _h,
    curatedAt: _cu,
    editedAt: _e,
    ...event
  } = row;
  const articles = members.map((m) => toEventArticle(m.article)).sort(byPublication);
  return { event: { ...event, sources: distinctSources(articles.map((a) => a.source)), articles }, members };
}

type MemberArticle = Omit<EventArticle, "source"> & {
  updatedAt: Date;
  source: (SourceRef & { updatedAt: Date }) | null;
};

function toEventArticle(row: MemberArticle): EventArticle {
  const { updatedAt: _u, source, ...article } = row;
  return { ...article, source: source && { name: source.name, domain: source.domain, country: source.country } };
}

/**
 * The event with its articles, `{ redirectTo }` when it was merged into another event (following chains
 * of merges to the survivor), or null when there is no such event.
 */
export async function getEvent(id: number, db: Db = getDb()): Promise<EventDetail | EventRedirect | null> {
  const result = await readEvent(id, db);
  return result && !isRedirect(result) ? result.event : result;
}

export function isRedirect<T extends object>(result: T | EventRedirect): result is EventRedirect {
  return "redirectTo" in result;
}

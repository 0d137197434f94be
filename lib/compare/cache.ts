// The comparison of an event, computed once per change of its articles and stored in EventComparison. Reads
// serve the stored JSON when its version (a hash of the format and of every member's id and last update) still
// matches; ingest calls refreshComparison right after clustering so readers rarely pay for a rebuild.
import { createHash } from "node:crypto";
import { resolveMergeChain } from "@/lib/cluster/merge-chain";
import { type Db, dbProvider } from "@/lib/db";
import { buildComparison } from "./build";
import { COMPARISON_FORMAT, comparisonSchema, type Comparison, type ComparisonResponse, type Coverage } from "./schema";

export type ComparisonResult = ComparisonResponse | { redirectTo: number } | null;

/** How many outlets "Not covered by" lists. */
const NOT_COVERED_LIMIT = 8;

/** What `comparisonVersion` hashes: each member's id and update time, and its outlet's. */
export const versionedMembersSelect = {
  select: { article: { select: { id: true, updatedAt: true, source: { select: { domain: true, updatedAt: true } } } } },
} as const;

/**
 * A title filter for `text` in any case, as SQLite's LIKE (ASCII) matches; PostgreSQL's is case-sensitive unless
 * told otherwise, and the SQLite client's types (the one Db type) do not know the `mode` option.
 */
function containsAnyCase(db: Db, text: string): { contains: string } {
  return dbProvider(db) === "postgresql"
    ? ({ contains: text, mode: "insensitive" } as { contains: string })
    : { contains: text };
}

async function loadMembers(db: Db, eventId: number) {
  return db.event.findUnique({
    where: { id: eventId },
    select: { id: true, mergedIntoId: true, members: versionedMembersSelect },
  });
}

/** An event's members as `versionedMembersSelect` reads them (a wider select of the same rows will do). */
export type VersionedMembers = NonNullable<Awaited<ReturnType<typeof loadMembers>>>["members"];

export function comparisonVersion(members: VersionedMembers): string {
  const parts = members
    .map(
      ({ article: a }) =>
        `${a.id}@${a.updatedAt.getTime()}/${a.source ? `${a.source.domain}@${a.source.updatedAt.getTime()}` : "-"}`,
    )
    .sort();
  return createHash("sha256")
    .update(`format ${COMPARISON_FORMAT}\n${parts.join("\n")}`)
    .digest("hex")
    .slice(0, 32);
}

/** The event's comparison from the cache, rebuilt first when stale; `{ redirectTo }` for a merged event. */
export async function getComparison(db: Db, eventId: number): Promise<ComparisonResult> {
  const event = await loadMembers(db, eventId);
  if (!event) return null;
  if (event.mergedIntoId === null) return freshComparison(db, eventId, event.members);
  const survivor = await resolveMergeChain(db, event.mergedIntoId);
  return survivor === null ? null : { redirectTo: survivor };
}

/** Rebuilds the stored comparison if the event's articles changed since; called after clustering an article. */
export async function refreshComparison(db: Db, eventId: number): Promise<void> {
  const event = await loadMembers(db, eventId);
  if (!event || event.mergedIntoId !== null) return;
  await freshComparison(db, eventId, event.members);
}

/**
 * The last comparisons this process read, already parsed. The version is a hash of every member's id and update
 * time, so an entry whose version still matches is exactly what the database holds: a hit skips reading and
 * parsing hundreds of KiB of JSON on every view of a big event (see npm run bench:event-page). Bounded, oldest
 * read first out, and per database client (tests open several databases in one process). Entries are shared
 * between requests and must not be mutated.
 */
const parsedCaches = new WeakMap<Db, Map<number, ComparisonResponse>>();
const PARSED_CACHE_LIMIT = 64;

function parsedCacheOf(db: Db): Map<number, ComparisonResponse> {
  let cache = parsedCaches.get(db);
  if (!cache) {
    cache = new Map();
    parsedCaches.set(db, cache);
  }
  return cache;
}

function remember(db: Db, response: ComparisonResponse): ComparisonResponse {
  const parsedCache = parsedCacheOf(db);
  parsedCache.delete(response.eventId);
  parsedCache.set(response.eventId, response);
  if (parsedCache.size > PARSED_CACHE_LIMIT) parsedCache.delete(parsedCache.keys().next().value!);
  return response;
}

/** The comparison of an event whose members the caller already read: from the cache, rebuilt first when stale. */
export async function freshComparison(db: Db, eventId: number, members: VersionedMembers): Promise<ComparisonResponse> {
  const version = comparisonVersion(members);
  const hit = parsedCacheOf(db).get(eventId);
  if (hit && hit.version === version) return remember(db, hit);
  const cached = await db.eventComparison.findUnique({ where: { eventId } });
  if (cached && cached.version === version) {
    const parsed = comparisonSchema.safeParse(JSON.parse(cached.json));
    if (parsed.success)
      return remember(db, { eventId, version, computedAt: cached.computedAt.toISOString(), comparison: parsed.data });
  }
  const comparison = await computeComparison(db, eventId);
  const computedAt = new Date();
  const json = JSON.stringify(comparison);
  await db.eventComparison.upsert({
    where: { eventId },
    create: { eventId, version, json, computedAt },
    update: { version, json, computedAt },
  });
  return remember(db, { eventId, version, computedAt: computedAt.toISOString(), comparison });
}

async function computeComparison(db: Db, eventId: number): Promise<Comparison> {
  const rows = await db.article.findMany({
    where: { membership: { eventId } },
    select: {
      id: true,
      title: true,
      text: true,
      publishedAt: true,
      byline: true,
      duplicateOfId: true,
      source: { select: { name: true, domain: true, country: true, kind: true, lean: true } },
    },
  });
  const comparison = buildComparison(rows);
  comparison.coverage.notCoveredBy = await findMissingOutlets(db, eventId, comparison);
  return comparison;
}

/**
 * Outlets that covered related events (whose title names one of this event's most widely named entities) but not
 * this one, most articles first; when there are too few, the most active outlets overall follow.
 */
export async function findMissingOutlets(
  db: Db,
  eventId: number,
  comparison: Comparison,
): Promise<Coverage["notCoveredBy"]> {
  const present = comparison.outlets.map((o) => o.domain).filter((d): d is string => d !== null);
  const names = comparison.entities
    .filter((e) => e.counts.length >= Math.min(2, comparison.outletCount))
    .slice(0, 4)
    .map((e) => (e.type === "person" ? e.name.split(" ").at(-1)! : e.name));
  const ranked: { sourceId: number; articles: number }[] = [];
  const byCount = (rows: { sourceId: number | null; _count: { _all: number } }[]) =>
    rows
      .filter((r): r is typeof r & { sourceId: number } => r.sourceId !== null)
      .map((r) => ({ sourceId: r.sourceId, articles: r._count._all }))
      .sort((a, b) => b.articles - a.articles || a.sourceId - b.sourceId);
  if (names.length > 0) {
    const related = await db.event.findMany({
      where: { id: { not: eventId }, mergedIntoId: null, OR: names.map((n) => ({ title: containsAnyCase(db, n) })) },
      orderBy: { lastSeenAt: "desc" },
      take: 200,
      select: { id: true },
    });
    if (related.length > 0) {
      const rows = await db.article.groupBy({
        by: ["sourceId"],
        where: { membership: { eventId: { in: related.map((r) => r.id) } }, source: { domain: { notIn: present } } },
        _count: { _all: true },
      });
      ranked.push(...byCount(rows));
    }
  }
  if (ranked.length < NOT_COVERED_LIMIT) {
    const rows = await db.article.groupBy({
      by: ["sourceId"],
      where: { source: { domain: { notIn: present } }, sourceId: { notIn: ranked.map((r) => r.sourceId) } },
      _count: { _all: true },
    });
    ranked.push(...byCount(rows));
  }
  const top = ranked.slice(0, NOT_COVERED_LIMIT);
  if (top.length === 0) return [];
  const sources = await db.source.findMany({
    where: { id: { in: top.map((r) => r.sourceId) } },
    select: { id: true, name: true, domain: true, country: true },
  });
  const byId = new Map(sources.map((s) => [s.id, s]));
  return top.flatMap((r) => {
    const s = byId.get(r.sourceId);
    return s ? [{ name: s.name, domain: s.domain, country: s.country, articles: r.articles }] : [];
  });
}

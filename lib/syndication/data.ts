// Loaders that turn the database into FeedDocs. Each feed kind is one function returning a FeedDoc (or why it
// cannot).
import "server-only";
import type { Db } from "@/lib/db";
import { getTagWithEvents, tagSlugRedirect } from "@/lib/curation/tag-data";
import { getEvent, isRedirect, listEvents } from "@/lib/events/data";
import type { EventSummary } from "@/lib/events/types";
import { getSearchIndex } from "@/lib/search";
import { snippetText } from "@/lib/search/terms";
import type { SearchQuery } from "@/lib/search/types";
import { absoluteUrl, publicUrl, tagUri } from "./config";
import { feedPaths, type FeedTarget } from "./paths";
import type { FeedDoc, FeedItem } from "./types";

export const TOP_FEED_SIZE = 30;
export const EVENT_FEED_SIZE = 100;
export const SOURCE_FEED_SIZE = 50;
export const SEARCH_FEED_SIZE = 30;
export const TAG_FEED_SIZE = 50;
/** Article excerpts only: the outlets' full text is theirs to publish, and the feed points to the comparison. */
const EXCERPT_CHARS = 400;

export type FeedLoad = { feed: FeedDoc } | { redirectTo: FeedTarget } | null;

function excerpt(text: string): string {
  const first = text.split(/\n\s*\n/).find((p) => p.trim()) ?? "";
  const flat = first.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…`;
}

function latest(dates: Date[], fallback: Date): Date {
  // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.max would return a number, not the latest Date
  return dates.reduce((max, d) => (d > max ? d : max), fallback);
}

function absoluteFeedUrls(target: FeedTarget, base: string): FeedDoc["feedUrls"] {
  const paths = feedPaths(target);
  return {
    rss: absoluteUrl(paths.rss, base),
    atom: absoluteUrl(paths.atom, base),
    json: absoluteUrl(paths.json, base),
  };
}

/** What an event's feed item needs: a listed event has it, and so does a search hit. */
type EventLike = Pick<EventSummary, "id" | "title" | "summary" | "firstSeenAt" | "lastSeenAt" | "sources">;

function eventItem(event: EventLike, base: string, lead?: string): FeedItem {
  const names = event.sources.map((s) => s.name).join(", ");
  const summary = lead || event.summary || (names ? `Covered by ${names}.` : event.title);
  return {
    // The event's GUID, not a per-update one: a reader shows a growing story once, updated, not once per article.
    id: tagUri(`event/${event.id}`, base),
    url: absoluteUrl(`/events/${event.id}`, base),
    title: event.title,
    summary,
    content: [summary, ...(event.summary && event.summary !== summary ? [event.summary] : [])],
    outlets: event.sources.map(({ name, domain }) => ({ name, domain })),
    published: event.firstSeenAt,
    updated: event.lastSeenAt,
  };
}

const articleSelect = {
  id: true,
  title: true,
  byline: true,
  text: true,
  publishedAt: true,
  fetchedAt: true,
  source: { select: { name: true, domain: true } },
  membership: { select: { eventId: true } },
} as const;

type ArticleRow = {
  id: number;
  title: string;
  byline: string | null;
  text: string;
  publishedAt: Date | null;
  fetchedAt: Date;
  source: { name: string; domain: string } | null;
  membership: { eventId: number } | null;
};

function articleItem(a: ArticleRow, base: string): FeedItem {
  const when = a.publishedAt ?? a.fetchedAt;
  const summary = excerpt(a.text);
  return {
    id: tagUri(`article/${a.id}`, base),
    // The article's place in its event's side-by-side view; an article not (yet) in an event has its reader page.
    url: a.membership
      ? absoluteUrl(`/events/${a.membership.eventId}#article-${a.id}`, base)
      : absoluteUrl(`/articles/${a.id}`, base),
    title: a.source ? `${a.title} (${a.source.name})` : a.title,
    summary,
    content: summary ? [summary] : [],
    outlets: a.source ? [a.source] : [],
    author: a.byline ?? a.source?.name,
    published: when,
    updated: when,
  };
}

export async function loadTopFeed(db: Db, now = new Date()): Promise<FeedDoc> {
  const base = publicUrl();
  const { events } = await listEvents({ limit: TOP_FEED_SIZE, offset: 0, now }, db);
  return {
    id: tagUri("feed/top", base),
    title: "Parallax: top events",
    description: "The events covered by the most outlets, newest coverage first.",
    homeUrl: absoluteUrl("/", base),
    feedUrls: absoluteFeedUrls({ kind: "top" }, base),
    updated: latest(
      events.map((e) => e.lastSeenAt),
      new Date(0),
    ),
    items: events.map((e) => eventItem(e, base)),
  };
}

/** An event's feed: its articles, newest first, so a subscriber sees each new outlet's coverage arrive. */
export async function loadEventFeed(db: Db, id: number): Promise<FeedLoad> {
  const base = publicUrl();
  const event = await db.event.findUnique({
    where: { id },
    select: { id: true, title: true, summary: true, mergedIntoId: true, lastSeenAt: true },
  });
  if (!event) return null;
  if (event.mergedIntoId !== null) {
    const resolved = await getEvent(id, db);
    return resolved && isRedirect(resolved) ? { redirectTo: { kind: "event", id: resolved.redirectTo } } : null;
  }
  const articles = await db.article.findMany({
    where: { membership: { eventId: id } },
    select: articleSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: EVENT_FEED_SIZE,
  });
  const items = articles.map((a) => articleItem(a, base));
  return {
    feed: {
      id: tagUri(`feed/event/${id}`, base),
      title: `Parallax: ${event.title}`,
      description: event.summary ?? `New coverage of “${event.title}” as outlets publish it.`,
      homeUrl: absoluteUrl(`/events/${id}`, base),
      feedUrls: absoluteFeedUrls({ kind: "event", id }, base),
      updated: latest(
        items.map((i) => i.updated),
        event.lastSeenAt,
      ),
      items,
    },
  };
}

/** An outlet's feed: its latest articles, each linking to the event it belongs to. */
export async function loadSourceFeed(db: Db, domain: string): Promise<FeedLoad> {
  const base = publicUrl();
  const source = await db.source.findUnique({ where: { domain }, select: { id: true, name: true, domain: true } });
  if (!source) return null;
  const articles = await db.article.findMany({
    where: { sourceId: source.id },
    select: articleSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: SOURCE_FEED_SIZE,
  });
  const items = articles.map((a) => articleItem(a, base));
  return {
    feed: {
      id: tagUri(`feed/source/${source.domain}`, base),
      title: `Parallax: ${source.name}`,
      description: `Articles from ${source.name} (${source.domain}), each with the other outlets' coverage of the same event.`,
      homeUrl: absoluteUrl("/", base),
      feedUrls: absoluteFeedUrls({ kind: "source", domain: source.domain }, base),
      updated: latest(
        items.map((i) => i.updated),
        new Date(0),
      ),
      items,
    },
  };
}

/** A saved search as a feed: the best-ranked matching events. */
export async function loadSearchFeed(
  db: Db,
  query: Omit<SearchQuery, "limit" | "offset">,
  params: Extract<FeedTarget, { kind: "search" }>["params"],
): Promise<FeedDoc> {
  const base = publicUrl();
  const { hits } = await getSearchIndex(db).query({ ...query, limit: SEARCH_FEED_SIZE, offset: 0 });
  const target: FeedTarget = { kind: "search", params };
  const qs = new URL(absoluteFeedUrls(target, base).rss).search;
  return {
    // The normalised query string identifies the search: same filters, same feed.
    id: tagUri(`feed/search${qs}`, base),
    title: `Parallax: search for “${query.q}”`,
    description: `Events matching “${query.q}”${query.outlet ? ` covered by ${query.outlet}` : ""}.`,
    homeUrl: absoluteUrl(`/search${qs}`, base),
    feedUrls: absoluteFeedUrls(target, base),
    updated: latest(
      hits.map((h) => h.lastSeenAt),
      new Date(0),
    ),
    items: hits.map((h) =>
      eventItem({ ...h, id: h.eventId }, base, snippetText(h.snippet).replace(/\s+/g, " ").trim()),
    ),
  };
}

/** A tag's feed: the events an editor gave the tag, newest coverage first. */
export async function loadTagFeed(db: Db, slug: string): Promise<FeedLoad> {
  const base = publicUrl();
  const found = await getTagWithEvents(slug, TAG_FEED_SIZE, db);
  if (!found) {
    const current = await tagSlugRedirect(slug, db);
    return current === null ? null : { redirectTo: { kind: "tag", slug: current } };
  }
  const { tag, events } = found;
  return {
    feed: {
      id: tagUri(`feed/tag/${tag.id}`, base),
      title: `Parallax: ${tag.name}`,
      description: tag.description ?? `Events tagged “${tag.name}”, newest coverage first.`,
      homeUrl: absoluteUrl(`/tags/${encodeURIComponent(tag.slug)}`, base),
      feedUrls: absoluteFeedUrls({ kind: "tag", slug: tag.slug }, base),
      updated: latest(
        events.map((e) => e.lastSeenAt),
        new Date(0),
      ),
      items: events.map((e) => eventItem(e, base)),
    },
  };
}

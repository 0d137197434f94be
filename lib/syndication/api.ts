// Request handling for app/feeds/**; the route files only wire these up.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { dateBounds, searchParamsSchema } from "@/lib/search/schema";
import { listPublicTags } from "@/lib/curation/tag-data";
import { loadEventFeed, loadSearchFeed, loadSourceFeed, loadTagFeed, loadTopFeed, type FeedLoad } from "./data";
import { conditionalResponse } from "./http";
import { feedPath } from "./paths";
import { renderFeed } from "./render";
import { eventFeedParamsSchema, namedFeedParamsSchema, sourceFeedParamsSchema, tagFeedParamsSchema } from "./schema";
import { buildTagsOpml } from "./tags-opml";
import { FEED_CONTENT_TYPES, type FeedDoc, type FeedFormat } from "./types";
import { exportSourcesAs } from "@/lib/sources/export";

function textError(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function respond(request: Request, feed: FeedDoc, format: FeedFormat): Response {
  return conditionalResponse(request, renderFeed(feed, format), {
    contentType: FEED_CONTENT_TYPES[format],
    lastModified: feed.updated,
  });
}

function respondLoad(request: Request, load: FeedLoad, format: FeedFormat, notFound: string): Response {
  if (!load) return textError(404, notFound);
  if ("redirectTo" in load) return Response.redirect(new URL(feedPath(load.redirectTo, format), request.url), 308);
  return respond(request, load.feed, format);
}

/** GET /feeds/top.{rss,atom,json} and /feeds/search.{rss,atom,json}?q=&outlet=&from=&to= */
export async function handleNamedFeed(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = namedFeedParamsSchema.safeParse(params);
  if (!parsed.success) return textError(404, "No such feed");
  const { name, format } = parsed.data.feed;
  if (name === "top") return respond(request, await loadTopFeed(db ?? getDb()), format);

  const query = searchParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.q.trim()) return textError(400, "A search feed needs a query: /feeds/search.rss?q=words");
  const { page: _page, ...params_ } = query;
  const feed = await loadSearchFeed(
    db ?? getDb(),
    { q: query.q, outlet: query.outlet, tag: query.tag, ...dateBounds(query) },
    params_,
  );
  return respond(request, feed, format);
}

/** GET /feeds/events/:id.{rss,atom,json}; 308 to the surviving event's feed when it was merged. */
export async function handleEventFeed(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = eventFeedParamsSchema.safeParse(params);
  if (!parsed.success) return textError(404, "No such feed");
  const { id, format } = parsed.data.id;
  return respondLoad(request, await loadEventFeed(db ?? getDb(), id), format, "Event not found");
}

/** GET /feeds/sources/:domain.{rss,atom,json} */
export async function handleSourceFeed(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = sourceFeedParamsSchema.safeParse(params);
  if (!parsed.success) return textError(404, "No such feed");
  const { domain, format } = parsed.data.domain;
  return respondLoad(request, await loadSourceFeed(db ?? getDb(), domain), format, "Source not found");
}

/** GET /feeds/tags/:slug.{rss,atom,json} */
export async function handleTagFeed(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = tagFeedParamsSchema.safeParse(params);
  if (!parsed.success) return textError(404, "No such feed");
  const { slug, format } = parsed.data.slug;
  return respondLoad(request, await loadTagFeed(db ?? getDb(), slug), format, "Tag not found");
}

/** GET /feeds/tags.opml: every tag's RSS feed, for importing into a reader in one go. */
/** The whole source list as OPML 2.0 (what `npm run sources:export -- --format opml` writes), for feed readers. */
export async function handleSourcesOpml(request: Request, db?: Db): Promise<Response> {
  const client = db ?? getDb();
  const [sources, feeds] = await Promise.all([
    client.source.aggregate({ _max: { updatedAt: true } }),
    client.feed.aggregate({ _max: { updatedAt: true } }),
  ]);
  const times = [sources._max.updatedAt, feeds._max.updatedAt].map((d) => d?.getTime() ?? 0);
  const lastModified = new Date(Math.max(...times));
  // Stamped with the list's last change rather than now: a body that changed every second never matched its ETag.
  const body = await exportSourcesAs(client, "opml", lastModified);
  return conditionalResponse(request, body, { contentType: "text/x-opml; charset=utf-8", lastModified });
}

export async function handleTagsOpml(request: Request, db?: Db): Promise<Response> {
  const { body, updated } = buildTagsOpml(await listPublicTags(db ?? getDb()));
  return conditionalResponse(request, body, { contentType: "text/x-opml; charset=utf-8", lastModified: updated });
}

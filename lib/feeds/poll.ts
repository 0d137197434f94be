// One poll of one feed: conditional GET, parse, hand each item to the caller, record the outcome on the Feed row
// and decide when to come back.
import type { Db } from "@/lib/db";
import type { Feed } from "@/lib/generated/prisma/client";
import { FetchError, type FetchResult, type SafeFetchOptions } from "@/lib/net/fetch";
import { fetchFeed } from "./fetch-feed";
import { nextFetchAt, maxAgeFromCacheControl } from "./schedule";
import type { FeedItem, ParsedFeed, SkippedItem } from "./types";

/**
 * Called for every item in the feed on every poll, known or not: the feeds stage cannot know what is stored, so
 * the callback skips what it already has (lib/pipeline/known-article.ts does, for ingestFeedItem).
 */
export type OnFeedItem = (item: FeedItem, feed: Feed) => Promise<void>;

export interface PollOptions extends Omit<SafeFetchOptions, "etag" | "lastModified"> {
  onItem: OnFeedItem;
  /** The scheduler's base interval; backoff and publisher hints start from it. Default 15. */
  intervalMinutes?: number;
  log?: (line: string) => void;
  /** For tests. */
  now?: () => Date;
}

export interface ItemFailure {
  url: string;
  error: string;
}

export interface PollResult {
  status: "ok" | "not-modified" | "error";
  /** Items that onItem accepted without throwing. */
  items: number;
  error?: string;
  /** Items onItem threw for; the others still went through. */
  itemErrors: ItemFailure[];
  /** Items the parser refused, with why. */
  skipped: SkippedItem[];
  nextFetchAt: Date;
}

const MAX_ERROR_CHARS = 1000;

function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > MAX_ERROR_CHARS ? `${msg.slice(0, MAX_ERROR_CHARS)}…` : msg;
}

export async function pollFeed(db: Db, feedId: number, opts: PollOptions): Promise<PollResult> {
  const { onItem, intervalMinutes = 15, log = () => {}, now = () => new Date(), ...fetchOpts } = opts;
  const feed = await db.feed.findUnique({ where: { id: feedId } });
  if (!feed) throw new Error(`Feed ${feedId} does not exist`);
  const startedAt = now();

  let fetched: FetchResult;
  let parsed: ParsedFeed | null;
  try {
    ({ fetched, parsed } = await fetchFeed(feed.url, {
      ...fetchOpts,
      etag: feed.etag,
      lastModified: feed.lastModified,
    }));
  } catch (err) {
    const failures = feed.consecutiveFailures + 1;
    const error = describe(err);
    const next = nextFetchAt({
      feedId,
      now: startedAt,
      baseIntervalMinutes: intervalMinutes,
      consecutiveFailures: failures,
      retryAfterSeconds: err instanceof FetchError ? err.retryAfterSeconds : undefined,
    });
    await db.feed.update({
      where: { id: feedId },
      data: { lastFetchedAt: startedAt, consecutiveFailures: failures, lastError: error, nextFetchAt: next },
    });
    const reason = err instanceof FetchError ? ` [${err.reason}]` : "";
    log(`feed ${feedId} ${feed.url}: failed${reason} (${failures} in a row, next try ${next.toISOString()}): ${error}`);
    return { status: "error", items: 0, error, itemErrors: [], skipped: [], nextFetchAt: next };
  }

  const maxAgeSeconds = maxAgeFromCacheControl(fetched.headers["cache-control"]);
  const weeklyItems = await itemsLastWeek(db, feed, startedAt);
  const schedule = {
    feedId,
    now: startedAt,
    baseIntervalMinutes: intervalMinutes,
    consecutiveFailures: 0,
    maxAgeSeconds,
    weeklyItems,
  };

  if (!parsed) {
    const next = nextFetchAt(schedule);
    await db.feed.update({
      where: { id: feedId },
      data: {
        // A 304 may carry fresh validators; otherwise the stored ones stay valid.
        etag: fetched.headers.etag ?? feed.etag,
        lastModified: fetched.headers["last-modified"] ?? feed.lastModified,
        lastFetchedAt: startedAt,
        lastSuccessAt: startedAt,
        consecutiveFailures: 0,
        lastError: null,
        nextFetchAt: next,
      },
    });
    return { status: "not-modified", items: 0, itemErrors: [], skipped: [], nextFetchAt: next };
  }

  let delivered = 0;
  const itemErrors: ItemFailure[] = [];
  // One at a time: onItem usually fetches the article page, and those pages mostly live on the feed's own host.
  for (const item of parsed.items) {
    try {
      await onItem(item, feed);
      delivered++;
    } catch (err) {
      itemErrors.push({ url: item.url, error: describe(err) });
      log(`feed ${feedId}: item ${item.url} failed: ${describe(err)}`);
    }
  }
  for (const s of parsed.skipped) log(`feed ${feedId}: skipped item${s.ref ? ` ${s.ref}` : ""}: ${s.reason}`);

  const next = nextFetchAt({ ...schedule, ttlMinutes: parsed.ttlMinutes, skipHours: parsed.skipHours });
  // If an item failed, keep the old validators: the next poll then gets the full feed again and retries it
  // (onItem is expected to skip what it already has) instead of a 304 that would lose that item for good.
  const keepValidators = itemErrors.length > 0;
  await db.feed.update({
    where: { id: feedId },
    data: {
      etag: keepValidators ? feed.etag : (fetched.headers.etag ?? null),
      lastModified: keepValidators ? feed.lastModified : (fetched.headers["last-modified"] ?? null),
      title: feed.title ?? parsed.title,
      lastFetchedAt: startedAt,
      lastSuccessAt: startedAt,
      consecutiveFailures: 0,
      lastError: itemErrors.length
        ? `${itemErrors.length} of ${parsed.items.length} items failed; first: ${itemErrors[0].error}`
        : null,
      nextFetchAt: next,
    },
  });
  log(
    `feed ${feedId} ${feed.url}: ${delivered} items${itemErrors.length ? `, ${itemErrors.length} failed` : ""}${parsed.skipped.length ? `, ${parsed.skipped.length} skipped` : ""}`,
  );
  return { status: "ok", items: delivered, itemErrors, skipped: parsed.skipped, nextFetchAt: next };
}

/** How many articles the feed brought in the week before `now`, or null while the feed is less than a week old. */
async function itemsLastWeek(db: Db, feed: { id: number; createdAt: Date }, now: Date): Promise<number | null> {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  if (feed.createdAt > weekAgo) return null;
  return db.article.count({ where: { feedId: feed.id, createdAt: { gte: weekAgo } } });
}

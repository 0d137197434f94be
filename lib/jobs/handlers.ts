// What a worker does with each job: the same lib/pipeline and stage functions `npm start` runs inline, split at
// the stage boundaries so each part is retried on its own. Every handler is safe to repeat (a retry, or a job
// sent twice): storing follows the articles' identity rules, placing an article already placed changes nothing.
import type { Db } from "@/lib/db";
import { clusterArticles } from "@/lib/cluster/assign-event";
import { refreshComparison } from "@/lib/compare/cache";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestFeedItem } from "@/lib/pipeline/feed-item";
import { enqueueArticleFetch, enqueueClustering, enqueueComparison } from "./enqueue";
import type { JobQueue } from "./queue";
import type { JobKind, JobPayload } from "./queues";

export interface JobContext {
  db: Db;
  queue: JobQueue;
  allowHosts: string[];
  intervalMinutes: number;
  log: (line: string) => void;
  now?: () => Date;
}

/**
 * How long a claimed feed stays claimed: a worker that dies mid-poll leaves it due again after this. A poll
 * that finishes sets the feed's real next due time.
 */
export const FEED_CLAIM_MINUTES = 10;

/**
 * Takes a due feed for this worker by moving its due time past the claim, in one conditional UPDATE: of two
 * workers holding a poll job for the same feed, exactly one succeeds, so a feed is never fetched twice at once.
 */
export async function claimFeed(db: Db, feedId: number, now: Date): Promise<boolean> {
  const { count } = await db.feed.updateMany({
    where: { id: feedId, enabled: true, OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }] },
    data: { nextFetchAt: new Date(now.getTime() + FEED_CLAIM_MINUTES * 60_000) },
  });
  return count === 1;
}

export const handlers: { [K in JobKind]: (ctx: JobContext, payload: JobPayload<K>) => Promise<void> } = {
  async "poll-feed"(ctx, { feedId }) {
    const now = ctx.now ?? (() => new Date());
    if (!(await claimFeed(ctx.db, feedId, now()))) {
      ctx.log(`feed ${feedId}: not due or being polled by another worker; skipped`);
      return;
    }
    await pollFeed(ctx.db, feedId, {
      intervalMinutes: ctx.intervalMinutes,
      allowHosts: ctx.allowHosts,
      log: ctx.log,
      now,
      onItem: async (item, feed) => void (await enqueueArticleFetch(ctx.queue, feed.id, item)),
    });
  },

  async "fetch-article"(ctx, { feedId, item }) {
    const feed = await ctx.db.feed.findUnique({ where: { id: feedId }, select: { id: true, url: true } });
    if (!feed) {
      ctx.log(`feed ${feedId} was deleted; item ${item.url} dropped`);
      return;
    }
    const input = { ...item, publishedAt: item.publishedAt ? new Date(item.publishedAt) : null };
    const { articleId } = await ingestFeedItem(ctx.db, input, feed, ctx.allowHosts, false);
    await enqueueClustering(ctx.queue, articleId);
  },

  async "cluster-article"(ctx, { articleId }) {
    // One transaction for the placement and the merges and split it leads to: a worker killed at any moment leaves
    // the article either placed with all its consequences or not at all, and the retried job places it whole.
    const [{ eventId }] = await clusterArticles(ctx.db, [articleId]);
    await enqueueComparison(ctx.queue, eventId);
  },

  async "refresh-comparison"(ctx, { eventId }) {
    await refreshComparison(ctx.db, eventId);
  },
};

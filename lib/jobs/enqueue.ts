// One function per job kind, each with the key that deduplicates it: a feed polled, a page fetched, an event's
// comparison refreshed are each one job however many schedulers or polls ask for them at once.
import type { FeedItem } from "@/lib/feeds/types";
import type { JobQueue } from "./queue";

export function enqueueFeedPoll(queue: JobQueue, feedId: number) {
  return queue.send("poll-feed", { feedId }, { key: `feed:${feedId}` });
}

export function enqueueArticleFetch(queue: JobQueue, feedId: number, item: FeedItem) {
  return queue.send(
    "fetch-article",
    {
      feedId,
      item: {
        url: item.url,
        title: item.title,
        publishedAt: item.publishedAt?.toISOString() ?? null,
        author: item.author,
        contentHtml: item.contentHtml,
        summary: item.summary,
      },
    },
    { key: item.url },
  );
}

export function enqueueClustering(queue: JobQueue, articleId: number) {
  return queue.send("cluster-article", { articleId });
}

export function enqueueComparison(queue: JobQueue, eventId: number) {
  return queue.send("refresh-comparison", { eventId }, { key: `event:${eventId}` });
}

// A new feed item becomes an article: fetch its page and extract it; when the page cannot be had (paywall, 403,
// timeout, blocked), keep what the feed itself carried and mark the article partial rather than lose it, but only
// on the feed's own outlet's domains (lib/pipeline/feed-domains.ts says why). A known, complete article is not
// fetched again until the feed says it changed (lib/pipeline/known-article.ts).
import type { Db } from "@/lib/db";
import { normaliseHost } from "@/lib/net/domain";
import { type FetchedPage, fetchPage } from "@/lib/net/fetch-page";
import { clusterArticle } from "@/lib/cluster/assign-event";
import { feedOutletDomains, isUnderDomains } from "@/lib/pipeline/feed-domains";
import { ingestDocument, storeDocument } from "@/lib/pipeline/ingest";
import { knownCompleteArticle, markConfirmed } from "@/lib/pipeline/known-article";
import { escapeHtml } from "@/lib/text/escape";

export interface FeedItemInput {
  url: string | null;
  title: string | null;
  publishedAt: Date | null;
  author?: string | null;
  contentHtml?: string | null;
  summary?: string | null;
}

export async function ingestFeedItem(
  db: Db,
  item: FeedItemInput,
  feed: { id: number; url: string },
  allowHosts: string[] = [],
  /** false: store only, and leave placing the article to the caller (the job queue's cluster-article job). */
  cluster = true,
) {
  if (!item.url) throw new Error("feed item has no link");
  const ingest = cluster ? ingestDocument : storeDocument;
  const known = await knownCompleteArticle(db, { url: item.url, publishedAt: item.publishedAt });
  if (known?.current) {
    if (!cluster) return { outcome: "duplicate" as const, articleId: known.id, eventId: null, title: known.title };
    // Placed anyway: a run killed between storing and clustering left it without an event.
    const { eventId } = await clusterArticle(db, known.id);
    return { outcome: "duplicate" as const, articleId: known.id, eventId, title: known.title };
  }
  let page: FetchedPage;
  try {
    // A page robots.txt disallows is not fetched; the catch below keeps the feed's own content instead.
    page = await fetchPage(item.url, { allowHosts, accept: "text/html,application/xhtml+xml" });
  } catch (pageError) {
    const body = item.contentHtml || item.summary;
    if (!body) throw pageError;
    const domains = await feedOutletDomains(db, feed);
    if (!isUnderDomains(item.url, domains)) {
      const why = pageError instanceof Error ? pageError.message : String(pageError);
      throw new Error(
        `page not fetched (${why}), and the feed's own text is stored only under its outlet's domains (${domains.join(", ")}), not ${normaliseHost(item.url) || item.url}`,
      );
    }
    const html = `<!doctype html><html><head><title>${escapeHtml(item.title ?? "")}</title>${
      item.publishedAt ? `<meta property="article:published_time" content="${item.publishedAt.toISOString()}">` : ""
    }${item.author ? `<meta name="author" content="${escapeHtml(item.author)}">` : ""}</head><body><article><h1>${escapeHtml(item.title ?? "")}</h1>${body}</article></body></html>`;
    return ingest(
      db,
      { bytes: Buffer.from(html), name: "feed-item.html", url: item.url, contentType: "text/html" },
      { origin: item.url, feedId: feed.id, status: "partial" },
    );
  }
  const result = await ingest(db, page, { origin: item.url, feedId: feed.id });
  if (known && result.articleId === known.id && result.outcome === "duplicate") await markConfirmed(db, known.id);
  return result;
}

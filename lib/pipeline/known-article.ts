// Every poll hands over every item still in the feed, known or not (lib/feeds/poll.ts leaves skipping to its
// callback). Fetching a known, complete article again costs a request to the outlet every poll, and gains
// nothing unless the page changed; the feed's date for the item is the only word we have that it did.
import type { Db } from "@/lib/db";
import { MAX_FUTURE_MS } from "@/lib/articles/published-date";
import { canonicalUrl } from "@/lib/extract/canonical-url";

export interface KnownArticle {
  id: number;
  title: string;
  /** The page was fetched, or confirmed unchanged, after the feed last said it changed. */
  current: boolean;
}

/** The stored complete article at the item's URL, and whether the feed's date says it changed since we read it. */
export async function knownCompleteArticle(
  db: Db,
  item: { url: string; publishedAt: Date | null },
  now = new Date(),
): Promise<KnownArticle | null> {
  const url = canonicalUrl(item.url);
  if (!url) return null;
  const row = await db.article.findUnique({
    where: { url },
    select: { id: true, title: true, status: true, fetchedAt: true, updatedAt: true },
  });
  // A partial article is fetched again on every poll: its page may be reachable now.
  if (row?.status !== "complete") return null;
  // A date more than a day ahead is clamped when stored (lib/articles/published-date.ts) and says nothing here.
  const date = item.publishedAt;
  const lastRead = Math.max(row.fetchedAt.getTime(), row.updatedAt.getTime());
  const changed = date !== null && date.getTime() <= now.getTime() + MAX_FUTURE_MS && date.getTime() > lastRead;
  return { id: row.id, title: row.title, current: !changed };
}

/**
 * Records that a known article's page was fetched again and found unchanged, so the same feed date does not
 * send every later poll to it. updatedAt is "when we last had this row's text confirmed"; nothing else reads it.
 */
export async function markConfirmed(db: Db, articleId: number): Promise<void> {
  await db.article.update({ where: { id: articleId }, data: { updatedAt: new Date() } });
}

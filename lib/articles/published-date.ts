// A publication date ahead of when the article was fetched is a wrong clock or a lie; a far one (2100) would keep
// the article at the top of every date-ordered list for good. The raw input, stored as it came, keeps the date the
// source gave.

/** How far ahead of the fetch a date may be: time zones and clock skew, not news from tomorrow. */
export const MAX_FUTURE_MS = 24 * 3_600_000;

/** The date to store: as given, unless it is more than a day after the fetch, then the fetch time. */
export function clampPublishedAt(publishedAt: Date | null, fetchedAt: Date): Date | null {
  if (!publishedAt) return null;
  return publishedAt.getTime() > fetchedAt.getTime() + MAX_FUTURE_MS ? fetchedAt : publishedAt;
}

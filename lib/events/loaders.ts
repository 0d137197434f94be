// The event page's read: the event (following merges), its members and its comparison, once per request. The
// page and its generateMetadata both call loadEventPage; React's cache() makes that one read between them, and
// the members read for the articles are the ones the comparison's version is checked against.
import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { alignArticles } from "@/lib/compare/align";
import { freshComparison } from "@/lib/compare/cache";
import type { Comparison } from "@/lib/compare/schema";
import { parseEventViewQuery } from "@/lib/compare/view-params";
import { getDb, type Db } from "@/lib/db";
import { isRedirect, readEvent } from "./data";
import { eventParamsSchema } from "./schema";
import type { EventDetail, EventRedirect } from "./types";

export interface EventPageData {
  event: EventDetail;
  /** The stored comparison (rebuilt only if the articles changed since ingest); null when it could not be built. */
  comparison: Comparison | null;
}

/** The event page's data, `{ redirectTo }` for a merged event, or null when there is no such event. */
export async function loadEvent(db: Db, id: number): Promise<EventPageData | EventRedirect | null> {
  const result = await readEvent(id, db);
  if (!result || isRedirect(result)) return result;
  let comparison: Comparison | null = null;
  try {
    comparison = (await freshComparison(db, result.event.id, result.members)).comparison;
  } catch (error) {
    // The articles are the page; a comparison that cannot be built must not take them down with it.
    console.error(`comparison of event ${result.event.id} failed`, error);
  }
  return { event: result.event, comparison };
}

/** loadEvent for the URL's id: 404 for a malformed or unknown id, a permanent redirect for a merged event. */
export const loadEventPage = cache(async (rawId: string): Promise<EventPageData> => {
  const parsed = eventParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  const result = await loadEvent(getDb(), parsed.data.id);
  if (!result) notFound();
  if (isRedirect(result)) permanentRedirect(`/events/${result.redirectTo}`);
  return result;
});

/** What the comparison panel shows for this URL's query: the comparison and the "compare two" pair, if any. */
export function eventComparisonView(
  { event, comparison }: EventPageData,
  searchParams: Record<string, string | string[] | undefined>,
) {
  const query = parseEventViewQuery(searchParams);
  const a = event.articles.find((x) => x.id === query.articleA);
  const b = event.articles.find((x) => x.id === query.articleB);
  const pair = a && b && a.id !== b.id ? { a, b, rows: alignArticles(a.text, b.text) } : null;
  return { comparison, query, pair };
}

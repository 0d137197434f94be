import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { EventView, type EventComparisonView } from "@/components/event-view";
import { SubscribeLinks } from "@/components/subscribe-links";
import { alignArticles } from "@/lib/compare/align";
import { getComparison } from "@/lib/compare/cache";
import { parseEventViewQuery } from "@/lib/compare/view-params";
import { getDb } from "@/lib/db";
import { getEvent, isRedirect } from "@/lib/events/data";
import type { EventDetail } from "@/lib/events/types";
import { eventParamsSchema } from "@/lib/events/schema";
import { feedAlternates } from "@/lib/syndication/alternates";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

// Metadata and page both need the event; cache() makes that one query per request.
const load = cache(async (rawId: string) => {
  const parsed = eventParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  const result = await getEvent(parsed.data.id);
  if (!result) notFound();
  if (isRedirect(result)) permanentRedirect(`/events/${result.redirectTo}`);
  return result;
});

/** The stored comparison (rebuilt only if the articles changed since ingest) and the "compare two" pair. */
async function loadComparison(event: EventDetail, searchParams: SearchParams): Promise<EventComparisonView> {
  const query = parseEventViewQuery(searchParams);
  let comparison = null;
  try {
    const result = await getComparison(getDb(), event.id);
    comparison = result && "comparison" in result ? result.comparison : null;
  } catch (error) {
    // The articles are the page; a comparison that cannot be built must not take them down with it.
    console.error(`comparison of event ${event.id} failed`, error);
  }
  const a = event.articles.find((x) => x.id === query.articleA);
  const b = event.articles.find((x) => x.id === query.articleB);
  const pair = a && b && a.id !== b.id ? { a, b, rows: alignArticles(a.text, b.text) } : null;
  return { comparison, query, pair };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await load((await params).id);
  return {
    title: event.title,
    description: event.summary ?? `Coverage of “${event.title}” from ${event.sources.length} outlets.`,
    alternates: feedAlternates({ kind: "event", id: event.id }, `Parallax: new coverage of ${event.title}`),
  };
}

export default async function EventPage({ params, searchParams }: Props) {
  const event = await load((await params).id);
  return (
    <>
      <EventView event={event} compare={await loadComparison(event, await searchParams)} />
      <div className="mx-auto max-w-6xl px-4 pb-6 sm:px-6">
        <SubscribeLinks target={{ kind: "event", id: event.id }} label="Follow new coverage of this event" />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { EventView } from "@/components/event-view";
import { SubscribeLinks } from "@/components/subscribe-links";
import { eventComparisonView, loadEventPage } from "@/lib/events/loaders";
import { feedAlternates } from "@/lib/syndication/alternates";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { event } = await loadEventPage((await params).id);
  return {
    title: event.title,
    description: event.summary ?? `Coverage of “${event.title}” from ${event.sources.length} outlets.`,
    alternates: feedAlternates({ kind: "event", id: event.id }, `Parallax: new coverage of ${event.title}`),
  };
}

export default async function EventPage({ params, searchParams }: Props) {
  const page = await loadEventPage((await params).id);
  const { event } = page;
  return (
    <>
      <EventView event={event} compare={eventComparisonView(page, await searchParams)} />
      <div className="mx-auto max-w-6xl px-4 pb-6 sm:px-6">
        <SubscribeLinks target={{ kind: "event", id: event.id }} label="Follow new coverage of this event" />
      </div>
    </>
  );
}

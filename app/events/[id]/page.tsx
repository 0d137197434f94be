import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { EventView } from "@/components/event-view";
import { getEvent, isRedirect } from "@/lib/events/data";
import { eventParamsSchema } from "@/lib/events/schema";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// Metadata and page both need the event; cache() makes that one query per request.
const load = cache(async (rawId: string) => {
  const parsed = eventParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  const result = await getEvent(parsed.data.id);
  if (!result) notFound();
  if (isRedirect(result)) permanentRedirect(`/events/${result.redirectTo}`);
  return result;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await load((await params).id);
  return { title: event.title, description: event.summary ?? `Coverage of “${event.title}” from ${event.sources.length} outlets.` };
}

export default async function EventPage({ params }: Props) {
  return <EventView event={await load((await params).id)} />;
}

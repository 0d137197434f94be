import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { EventCard } from "@/components/event-card";
import { SubscribeLinks } from "@/components/subscribe-links";
import { getTagWithEvents, tagSlugRedirect } from "@/lib/curation/tag-data";
import { feedAlternates } from "@/lib/syndication/alternates";
import { tagFeedParamsSchema } from "@/lib/syndication/schema";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
type Props = { params: Promise<{ slug: string }> };

// The feed route's slug rule, so a page exists exactly where a feed does.
const load = cache(async (rawSlug: string) => {
  const parsed = tagFeedParamsSchema.safeParse({ slug: `${rawSlug}.rss` });
  if (!parsed.success) notFound();
  const found = await getTagWithEvents(parsed.data.slug.slug, PAGE_SIZE);
  if (!found) {
    const current = await tagSlugRedirect(parsed.data.slug.slug);
    if (current !== null) permanentRedirect(`/tags/${encodeURIComponent(current)}`);
    notFound();
  }
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag } = await load((await params).slug);
  return {
    title: tag.name,
    description: tag.description ?? `Events tagged “${tag.name}”.`,
    alternates: feedAlternates({ kind: "tag", slug: tag.slug }, `Parallax: ${tag.name}`),
  };
}

export default async function TagPage({ params }: Props) {
  const { tag, events, total } = await load((await params).slug);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p className="text-sm text-stone-600 dark:text-stone-400">Tag</p>
      <h1 className="text-3xl font-bold tracking-tight">{tag.name}</h1>
      {tag.description && <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">{tag.description}</p>}
      <SubscribeLinks target={{ kind: "tag", slug: tag.slug }} label={`Follow “${tag.name}”`} className="mt-3" />
      <div className="mt-6">
        {events.length === 0 ? (
          <p>No events carry this tag yet.</p>
        ) : (
          <ol className="space-y-4" aria-label={`Events tagged ${tag.name}`}>
            {events.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
              </li>
            ))}
          </ol>
        )}
        {total > events.length && (
          <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
            The {events.length} most recent of {total} events.
          </p>
        )}
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { EventCard } from "@/components/event-card";
import { Pagination } from "@/components/pagination";
import { SubscribeLinks } from "@/components/subscribe-links";
import { listEvents } from "@/lib/events/data";
import { homeQuerySchema } from "@/lib/events/schema";
import { feedAlternates } from "@/lib/syndication/alternates";

export const dynamic = "force-dynamic";

// A function, not a constant: the feed URLs are absolute against PUBLIC_URL, read at request time.
export function generateMetadata(): Metadata {
  return { alternates: feedAlternates({ kind: "top" }, "Parallax: top events") };
}

const PAGE_SIZE = 20;

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page } = homeQuerySchema.parse(await searchParams);
  const { events, total } = await listEvents({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = Math.ceil(total / PAGE_SIZE);

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Events</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Stories ranked by how many outlets cover them, with newer coverage first.
      </p>
      <SubscribeLinks target={{ kind: "top" }} label="Follow the top events" className="mt-3" />
      <div className="mt-6">
        {total === 0 ? (
          <EmptyState />
        ) : events.length === 0 ? (
          <p>
            There is no page {page}.{" "}
            <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
              Back to the first page
            </Link>
            .
          </p>
        ) : (
          <ol className="space-y-4" aria-label="Events">
            {events.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
              </li>
            ))}
          </ol>
        )}
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

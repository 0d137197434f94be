import Link from "next/link";
import type { EventSummary } from "@/lib/events/types";
import { joinNames, plural } from "@/lib/events/format";
import { TimeSpan } from "./date-time";

const MAX_NAMES = 6;

export function EventCard({ event }: { event: EventSummary }) {
  const outlets = event.sources.length;
  const headingId = `event-${event.id}-title`;
  return (
    <article
      aria-labelledby={headingId}
      className="relative flex gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm transition hover:border-stone-400 sm:p-5 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-600"
    >
      <div
        aria-hidden="true"
        className="flex h-14 w-14 shrink-0 flex-col items-center justify-center rounded-md bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
      >
        <span className="text-xl font-bold leading-none">{outlets}</span>
        <span className="mt-1 text-[0.65rem] uppercase tracking-wide">{outlets === 1 ? "outlet" : "outlets"}</span>
      </div>
      <div className="min-w-0 flex-1">
        <h2 id={headingId} className="text-lg font-semibold leading-snug text-balance">
          {/* The link's box covers the card so the whole card is clickable, with one accessible link. */}
          <Link
            href={`/events/${event.id}`}
            className="after:absolute after:inset-0 after:content-[''] hover:underline"
          >
            {event.title}
          </Link>
        </h2>
        {event.summary && (
          <p className="mt-1 line-clamp-2 text-sm text-stone-700 dark:text-stone-300">{event.summary}</p>
        )}
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          {outlets > 0 ? (
            <>
              <span className="sr-only">Covered by {plural(outlets, "outlet")}: </span>
              {joinNames(
                event.sources.map((s) => s.name),
                MAX_NAMES,
              )}
            </>
          ) : (
            "Unknown outlets"
          )}
        </p>
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {plural(event.articleCount, "article")} · <TimeSpan first={event.firstSeenAt} last={event.lastSeenAt} />
        </p>
      </div>
    </article>
  );
}

import { FEED_LABELS, feedPaths, type FeedTarget } from "@/lib/syndication/paths";
import { FEED_FORMATS } from "@/lib/syndication/types";

/** "Subscribe: RSS · Atom · JSON Feed" for a feed target. Plain links: a reader app or the browser takes it from there. */
export function SubscribeLinks({
  target,
  label = "Subscribe",
  className = "",
}: {
  target: FeedTarget;
  label?: string;
  className?: string;
}) {
  const paths = feedPaths(target);
  return (
    <p className={`flex flex-wrap items-center gap-2 text-sm ${className}`}>
      <span className="text-stone-600 dark:text-stone-400">{label}:</span>
      {FEED_FORMATS.map((format) => (
        <a
          key={format}
          href={paths[format]}
          type={
            format === "rss"
              ? "application/rss+xml"
              : format === "atom"
                ? "application/atom+xml"
                : "application/feed+json"
          }
          className="rounded border border-orange-300 bg-orange-50 px-2 py-0.5 font-medium text-orange-900 hover:bg-orange-100 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-100 dark:hover:bg-orange-900"
        >
          {FEED_LABELS[format]}
        </a>
      ))}
    </p>
  );
}

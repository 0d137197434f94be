// <link rel="alternate"> autodiscovery for pages, through Next's metadata.alternates.types. Absolute URLs from
// PUBLIC_URL, because readers store the discovered address.
import type { Metadata } from "next";
import { absoluteUrl } from "./config";
import { feedPaths, type FeedTarget } from "./paths";

export function feedAlternates(target: FeedTarget, title: string): NonNullable<Metadata["alternates"]> {
  const paths = feedPaths(target);
  return {
    types: {
      "application/rss+xml": [{ url: absoluteUrl(paths.rss), title: `${title} (RSS)` }],
      "application/atom+xml": [{ url: absoluteUrl(paths.atom), title: `${title} (Atom)` }],
      "application/feed+json": [{ url: absoluteUrl(paths.json), title: `${title} (JSON Feed)` }],
    },
  };
}

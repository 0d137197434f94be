// The OPML export of every tag's feed. dateCreated is the newest change among the tags rather than the time of
// the request, so the same tags give the same bytes and the ETag lets readers poll it cheaply.
import { buildOpml } from "@/lib/opml";
import { absoluteUrl, publicUrl } from "./config";
import { feedPath } from "./paths";

export interface OpmlTag {
  name: string;
  slug: string;
  createdAt: Date;
  lastSeenAt: Date | null;
}

export function buildTagsOpml(tags: OpmlTag[], base = publicUrl()): { body: string; updated: Date } {
  const updated = tags.reduce((max, t) => {
    const d = t.lastSeenAt && t.lastSeenAt > t.createdAt ? t.lastSeenAt : t.createdAt;
    // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.max would return a number, not the latest Date
    return d > max ? d : max;
  }, new Date(0));
  const body = buildOpml({
    title: "Parallax: tag feeds",
    dateCreated: updated,
    feeds: tags.map((t) => ({
      xmlUrl: absoluteUrl(feedPath({ kind: "tag", slug: t.slug }, "rss"), base),
      htmlUrl: absoluteUrl(`/tags/${encodeURIComponent(t.slug)}`, base),
      title: `Parallax: ${t.name}`,
      category: null,
      parallax: {},
    })),
  });
  return { body, updated };
}

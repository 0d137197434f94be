// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), read by hand: rss-parser only knows XML.
import { z } from "zod";
import { normaliseItem, resolveUrl } from "./normalise-item";
import { plainTextToHtml } from "./text";
import { FeedParseError, type ParsedFeed } from "./types";

const author = z.object({ name: z.string().optional() }).passthrough();

const jsonFeedSchema = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/, "not a JSON Feed version URL"),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  items: z.array(z.unknown()),
});

const jsonItemSchema = z.object({
  // 1.1 requires a string; 1.0 feeds in the wild also use numbers.
  id: z.union([z.string(), z.number()]).transform(String),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  authors: z.array(author).optional(),
  author: author.optional(),
});

export function parseJsonFeed(json: string, baseUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new FeedParseError("malformed", `Invalid JSON: ${(err as Error).message}`, err);
  }
  const feed = jsonFeedSchema.safeParse(data);
  if (!feed.success) {
    throw new FeedParseError(
      "unknown-format",
      `Not a JSON Feed: ${feed.error.issues[0].path.join(".")}: ${feed.error.issues[0].message}`,
    );
  }

  const out: ParsedFeed = {
    format: "json",
    title: feed.data.title?.trim() || null,
    link: resolveUrl(feed.data.home_page_url ?? null, baseUrl),
    items: [],
    skipped: [],
  };
  feed.data.items.forEach((rawItem, index) => {
    const item = jsonItemSchema.safeParse(rawItem);
    if (!item.success) {
      const issue = item.error.issues[0];
      out.skipped.push({ reason: `item ${index}: ${issue.path.join(".")}: ${issue.message}` });
      return;
    }
    const i = item.data;
    const result = normaliseItem(
      {
        guid: i.id,
        link: i.url ?? i.external_url,
        title: i.title,
        date: i.date_published ?? i.date_modified,
        author: i.authors?.find((a) => a.name)?.name ?? i.author?.name,
        contentHtml: i.content_html ?? (i.content_text ? plainTextToHtml(i.content_text) : undefined),
        summary: i.summary,
      },
      baseUrl,
    );
    if (result.ok) out.items.push(result.item);
    else out.skipped.push({ reason: result.reason, ref: result.ref });
  });
  return out;
}

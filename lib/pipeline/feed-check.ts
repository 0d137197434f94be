// What `npm run feeds:check` reports for one input: the feed as the scheduler would read it (lib/feeds fetchFeed
// or readFeedFile), each item's body as it would be stored (after the sanitizer), or the reason it cannot be read.
import { sanitizeHtml } from "@/lib/extract/sanitize";
import { fetchFeed, readFeedFile } from "@/lib/feeds/fetch-feed";
import { htmlToPlainText } from "@/lib/feeds/text";
import type { ParsedFeed, SkippedItem } from "@/lib/feeds/types";

export interface CheckedItem {
  guid: string;
  url: string;
  title: string;
  author: string | null;
  publishedAt: string | null;
  /** The item's body after the sanitizer; null when the feed carries none. */
  html: string | null;
  /** Plain text of that body, else the feed's teaser. */
  text: string | null;
}

export type FeedCheck =
  | {
      input: string;
      format: ParsedFeed["format"];
      title: string | null;
      link: string | null;
      items: CheckedItem[];
      /** Items the parser refused, with why: the scheduler skips them too. */
      skipped: SkippedItem[];
    }
  | { input: string; error: string };

const MAX_ERROR_CHARS = 1000;

export async function checkFeed(input: string, opts: { allowHosts?: string[] } = {}): Promise<FeedCheck> {
  try {
    const parsed = await readInput(input, opts.allowHosts ?? []);
    return {
      input,
      format: parsed.format,
      title: parsed.title,
      link: parsed.link,
      items: parsed.items.map((item) => {
        const html = item.contentHtml ? sanitizeHtml(item.contentHtml, { baseUrl: item.url }) : null;
        return {
          guid: item.guid,
          url: item.url,
          title: item.title,
          author: item.author,
          publishedAt: item.publishedAt?.toISOString() ?? null,
          html,
          text: (html && htmlToPlainText(html)) || item.summary,
        };
      }),
      skipped: parsed.skipped,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { input, error: message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS)}…` : message };
  }
}

async function readInput(input: string, allowHosts: string[]): Promise<ParsedFeed> {
  if (/^https?:\/\//i.test(input)) {
    // No validators: a check always wants the whole feed, never a 304.
    const { parsed } = await fetchFeed(input, { allowHosts });
    if (!parsed) throw new Error("the server answered 304 Not Modified to an unconditional request");
    return parsed;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new Error(`only http(s) URLs and files can be checked: ${input}`);
  return readFeedFile(input);
}

// One article page fetched as a polite crawler: robots.txt first, then safeFetch. Shared by `npm run ingest`
// (a URL argument) and the feed scheduler (a feed item's link), so both fetch and label pages the same way.
import { charsetFromContentType } from "./charset";
import { safeFetch } from "./fetch";
import { assertRobotsAllowed } from "./robots";

export interface FetchedPage {
  bytes: Buffer;
  /** The final URL's path, which extraction reads for `.gz`, `.html` or `.txt`. */
  name: string;
  /** Final URL after redirects. */
  url: string;
  contentType: string | null;
  /** Charset from the Content-Type header, which wins over what the page declares. */
  charset: string | null;
}

export interface FetchPageOptions {
  accept: string;
  /** Hosts that may be fetched although they resolve to private addresses (test fixture servers only). */
  allowHosts?: string[];
}

/** Throws when robots.txt disallows the URL or the fetch fails; safeFetch already refuses any non-2xx answer. */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<FetchedPage> {
  await assertRobotsAllowed(url, { allowHosts: options.allowHosts });
  const page = await safeFetch(url, { allowHosts: options.allowHosts, accept: options.accept });
  const contentType = page.headers["content-type"] ?? null;
  return {
    bytes: page.body,
    name: new URL(page.url).pathname,
    url: page.url,
    contentType,
    charset: charsetFromContentType(contentType),
  };
}

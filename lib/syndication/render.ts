// RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one FeedDoc. Written by hand rather than with the `feed` package:
// the three formats are small, and owning the serialisation means owning the escaping (every text goes through
// escapeXml, no CDATA, invalid XML characters removed), the GUIDs and the date formats, which is where feeds
// break readers; it also spares a dependency whose output we would have to test just as closely.
import type { FeedDoc, FeedFormat, FeedItem } from "./types";
import { escapeHtml, escapeXml, stripInvalidXmlChars } from "@/lib/text/escape";
import { rfc3339, rfc822 } from "./dates";

const GENERATOR = "Parallax";

function outletNames(item: FeedItem): string {
  return item.outlets.map((o) => o.name).join(", ");
}

/** The item body as HTML built only from escaped text: summary, paragraphs, and the outlets covering it. */
export function itemHtml(item: FeedItem): string {
  // JSON Feed carries this HTML as it is, so characters XML forbids go here too, not only in escapeXml.
  const text = (s: string) => escapeHtml(stripInvalidXmlChars(s));
  const paragraphs = item.content.map((p) => `<p>${text(p)}</p>`).join("");
  const outlets = item.outlets.length ? `<p>Covered by: ${item.outlets.map((o) => text(o.name)).join(", ")}</p>` : "";
  return `${paragraphs}${outlets}<p><a href="${text(item.url)}">See the coverage side by side on Parallax</a></p>`;
}

export function renderRss(feed: FeedDoc): string {
  const items = feed.items.map((item) => {
    const categories = item.outlets
      .map((o) => `      <category domain="${escapeXml(`https://${o.domain}/`)}">${escapeXml(o.name)}</category>`)
      .join("\n");
    return [
      "    <item>",
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.url)}</link>`,
      `      <guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
      `      <pubDate>${rfc822(item.published)}</pubDate>`,
      // RSS <description> is HTML carried as escaped text.
      `      <description>${escapeXml(itemHtml(item))}</description>`,
      item.author ? `      <dc:creator>${escapeXml(item.author)}</dc:creator>` : "",
      categories,
      "    </item>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.homeUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <atom:link href="${escapeXml(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    "    <language>en</language>",
    `    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `    <generator>${GENERATOR}</generator>`,
    "    <ttl>15</ttl>",
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function renderAtom(feed: FeedDoc): string {
  const entries = feed.items.map((item) =>
    [
      "  <entry>",
      `    <id>${escapeXml(item.id)}</id>`,
      `    <title type="text">${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `    <published>${rfc3339(item.published)}</published>`,
      `    <updated>${rfc3339(item.updated)}</updated>`,
      item.author ? `    <author><name>${escapeXml(item.author)}</name></author>` : "",
      ...item.outlets.map((o) => `    <category term="${escapeXml(o.domain)}" label="${escapeXml(o.name)}"/>`),
      `    <summary type="text">${escapeXml(item.summary)}</summary>`,
      `    <content type="html">${escapeXml(itemHtml(item))}</content>`,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    // Atom requires an author on every entry or on the feed; the feed's stands in for entries without one.
    `  <author><name>${GENERATOR}</name></author>`,
    `  <generator>${GENERATOR}</generator>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** JSON Feed 1.1. JSON.stringify does the escaping; invalid characters are still removed for strict readers. */
export function renderJson(feed: FeedDoc): string {
  const clean = stripInvalidXmlChars;
  const body = {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: clean(feed.description),
    language: "en",
    authors: [{ name: GENERATOR }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: clean(item.title),
      summary: clean(item.summary),
      content_text: clean(
        [...item.content, item.outlets.length ? `Covered by: ${outletNames(item)}` : ""].filter(Boolean).join("\n\n"),
      ),
      content_html: itemHtml(item),
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      ...(item.author ? { authors: [{ name: clean(item.author) }] } : {}),
      tags: item.outlets.map((o) => clean(o.name)),
      // Extension (JSON Feed allows "_"-prefixed keys): the outlets with their domains, for machine readers.
      _parallax: { outlets: item.outlets.map((o) => ({ name: clean(o.name), domain: o.domain })) },
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function renderFeed(feed: FeedDoc, format: FeedFormat): string {
  if (format === "rss") return renderRss(feed);
  if (format === "atom") return renderAtom(feed);
  return renderJson(feed);
}

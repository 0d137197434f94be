// OPML 2.0 writing. Feeds are grouped under one outline per category; Parallax's own source facts (country,
// language, kind, lean) travel as parallax:* attributes so that an export imports back without loss, while
// other feed readers simply ignore them.
import { escapeXmlAttribute } from "@/lib/text/escape";
import type { OpmlFeed } from "./types";

export const PARALLAX_OPML_NAMESPACE = "https://github.com/parallax-news/parallax/opml";

export interface BuildOpmlInput {
  title: string;
  feeds: OpmlFeed[];
  /** For reproducible output in tests. */
  dateCreated?: Date;
}

function feedOutline(feed: OpmlFeed, indent: string): string {
  const label = feed.title ?? feed.xmlUrl;
  const attrs: [string, string | null][] = [
    ["type", "rss"],
    ["text", label],
    ["title", label],
    ["xmlUrl", feed.xmlUrl],
    ["htmlUrl", feed.htmlUrl],
    ...Object.entries(feed.parallax).map(([k, v]): [string, string] => [`parallax:${k}`, v]),
  ];
  const rendered = attrs
    .filter((a): a is [string, string] => a[1] !== null && a[1] !== "" && /^[A-Za-z_][\w.:-]*$/.test(a[0]))
    .map(([k, v]) => `${k}="${escapeXmlAttribute(v)}"`)
    .join(" ");
  return `${indent}<outline ${rendered}/>`;
}

export function buildOpml(input: BuildOpmlInput): string {
  const groups = new Map<string | null, OpmlFeed[]>();
  for (const feed of input.feeds) {
    const list = groups.get(feed.category) ?? [];
    list.push(feed);
    groups.set(feed.category, list);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:parallax="${PARALLAX_OPML_NAMESPACE}">`,
    "  <head>",
    `    <title>${escapeXmlAttribute(input.title)}</title>`,
    `    <dateCreated>${(input.dateCreated ?? new Date()).toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
  ];
  for (const [category, feeds] of groups) {
    if (category === null) {
      for (const feed of feeds) lines.push(feedOutline(feed, "    "));
      continue;
    }
    lines.push(`    <outline text="${escapeXmlAttribute(category)}" title="${escapeXmlAttribute(category)}">`);
    for (const feed of feeds) lines.push(feedOutline({ ...feed, category: null }, "      "));
    lines.push("    </outline>");
  }
  lines.push("  </body>", "</opml>", "");
  return lines.join("\n");
}

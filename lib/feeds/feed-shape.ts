// rss-parser's builders index straight into xml2js's tree (`rss.channel[0]`, `link.$.rel`), so a document that is
// well-formed XML but lacks a part they expect died with a TypeError, reported as "Malformed XML: Cannot read
// properties of undefined". These checks run first and name what is missing instead.
import { FeedParseError } from "./types";

type Node = Record<string, unknown>;

function first(node: unknown, key: string): unknown {
  const v = (node as Node | undefined)?.[key];
  return Array.isArray(v) ? v[0] : undefined;
}

function missing(what: string): FeedParseError {
  return new FeedParseError("malformed", `Malformed XML: ${what}`);
}

/** RSS 0.9x and 2.0: <rss> must hold a <channel> element. */
export function assertRssShape(doc: Node): void {
  const channel = first(doc.rss, "channel");
  if (!channel || typeof channel !== "object") throw missing("<rss> has no <channel> element");
}

/** RSS 1.0 (RDF): <rdf:RDF> must hold a <channel> element; its items are siblings of the channel. */
export function assertRdfShape(doc: Node): void {
  const channel = first(doc["rdf:RDF"], "channel");
  if (!channel || typeof channel !== "object") throw missing("<rdf:RDF> has no <channel> element");
}

/**
 * Atom: a <link> without attributes (or a text-only one) has no href and is no link; rss-parser reads `link.$.rel`
 * of every one, so they are dropped, on the feed and on each entry, before it looks.
 */
export function dropAttributelessLinks(doc: Node): void {
  const feed = doc.feed;
  if (!feed || typeof feed !== "object") throw missing("<feed> is empty");
  const clean = (node: unknown) => {
    const n = node as Node;
    if (n && typeof n === "object" && Array.isArray(n.link)) {
      n.link = n.link.filter((l) => l && typeof l === "object" && typeof (l as Node).$ === "object");
    }
  };
  clean(feed);
  const entries = (feed as Node).entry;
  if (Array.isArray(entries)) for (const entry of entries) clean(entry);
}

// What Parallax reads from and writes to OPML: a flat list of feeds, each with where it sits in the outline.

export interface OpmlFeed {
  /** The feed URL (absolute http/https). */
  xmlUrl: string;
  /** The site the feed belongs to. */
  htmlUrl: string | null;
  /** title, else text, else null. */
  title: string | null;
  /** "World/Europe": the category attribute when present, else the titles of the enclosing outlines. */
  category: string | null;
  /** Extra attributes Parallax itself writes (country, language, kind, lean), namespace prefix dropped. */
  parallax: Record<string, string>;
}

export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
}

export class OpmlError extends Error {
  override name = "OpmlError";
}

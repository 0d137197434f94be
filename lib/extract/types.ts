// The one shape every extractor produces, whatever the input (text dump, HTML page, feed item).

export interface Outlet {
  /** Display name, e.g. "Ukrainska Pravda". */
  name: string;
  /** Registrable host without "www.", e.g. "pravda.com.ua". */
  domain: string;
}

export interface ExtractedArticle {
  title: string;
  source: Outlet | null;
  byline: string | null;
  publishedAt: Date | null;
  /** ISO 639-1 code, or null when the text is too short to tell. */
  language: string | null;
  /** The original article URL when the input names one. */
  url: string | null;
  /** Clean body: the article's paragraphs, nothing else, separated by one blank line. */
  text: string;
  /** The body as allowlist-sanitized HTML (paragraphs, lists, quotes, links), safe to store and render. */
  html: string;
}

/** Thrown for input that cannot become an article; the message is the reason recorded for that input. */
export class ExtractionError extends Error {
  override name = "ExtractionError";
}

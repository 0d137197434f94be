// Bounds what one article may store. Without a bound a 9.5 MB page stored 9.5 MB of text, and every event page and
// comparison that read it grew with it (hundreds of MB of memory, a comparison that threw). News articles, even
// long reads, run to tens of thousands of characters; the cap sits far above that.
import { sanitizeHtml } from "@/lib/extract/sanitize";
import type { ExtractedArticle } from "@/lib/extract/types";
import { cutText } from "@/lib/text/cut-text";

/** Characters of clean text kept per article, the note on a cut article included. */
export const MAX_ARTICLE_TEXT_CHARS = 200_000;

/**
 * Characters of a title or byline kept. Headlines run to a line or two; a page whose <title> holds its whole text
 * would otherwise repeat that text four times on every event page (column, headlines, both compare menus).
 */
export const MAX_TITLE_CHARS = 500;

/** Closing tags of the block elements sanitized bodies are made of: a cut there leaves whole paragraphs. */
const BLOCK_END = /<\/(?:p|li|ul|ol|blockquote|h[1-6]|pre|figure|figcaption|table|div|section)>/gi;

/** The note that ends a cut article, in its text and its HTML, so readers and editors see that it was cut. */
export function cutNote(originalChars: number): string {
  return `[Article cut: its text ran to ${originalChars.toLocaleString("en")} characters; the first ${MAX_ARTICLE_TEXT_CHARS.toLocaleString("en")} at most are kept.]`;
}

/**
 * The article as stored: unchanged when its text fits, else its text cut at a paragraph near the cap and its HTML
 * cut in proportion at a block boundary, each ending with the cut note. Idempotent: a capped article fits.
 */
export function capArticle(given: ExtractedArticle): { article: ExtractedArticle; cut: boolean } {
  const article = capLabels(given);
  if (article.text.length <= MAX_ARTICLE_TEXT_CHARS) return { article, cut: article !== given };
  const note = cutNote(article.text.length);
  const text = cutText(article.text, MAX_ARTICLE_TEXT_CHARS - note.length - 2);
  const htmlBudget = Math.ceil((article.html.length * text.length) / article.text.length);
  return {
    article: { ...article, text: `${text}\n\n${note}`, html: `${cutHtml(article.html, htmlBudget)}<p>${note}</p>` },
    cut: true,
  };
}

/** Title and byline cut at a word near MAX_TITLE_CHARS, marked with "…"; the same object when both fit. */
function capLabels(article: ExtractedArticle): ExtractedArticle {
  const cap = (s: string) => (s.length <= MAX_TITLE_CHARS ? s : `${cutText(s, MAX_TITLE_CHARS - 1)}…`);
  const title = cap(article.title);
  const byline = article.byline == null ? article.byline : cap(article.byline);
  return title === article.title && byline === article.byline ? article : { ...article, title, byline };
}

/** A prefix of sanitized HTML of about maxChars, ending after a block, re-sanitized so open elements close. */
function cutHtml(html: string, maxChars: number): string {
  if (html.length <= maxChars) return html;
  const window = html.slice(0, maxChars);
  let end = 0;
  for (const m of window.matchAll(BLOCK_END)) end = m.index + m[0].length;
  // No block closes within the budget: end after the last whole tag instead.
  if (end === 0) end = window.lastIndexOf(">") + 1;
  return sanitizeHtml(html.slice(0, end));
}

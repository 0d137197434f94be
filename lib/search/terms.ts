// Turning what a user typed into a safe full-text query. User input is never passed to MATCH as syntax:
// FTS5 would reject unbalanced quotes, a bare `*`, `NEAR(` or `AND OR` with an error, and operators from the
// search box are more often accidents ("rock & roll", "C++") than intent.

/** Marks around matched terms in snippets: control characters that cannot occur in stored text. */
export const SNIPPET_OPEN = "\u0002";
export const SNIPPET_CLOSE = "\u0003";

const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;

/** The words of a query: runs of letters, digits and combining marks, lowercased, deduplicated, capped. */
export function queryTerms(q: string): string[] {
  const words =
    q
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const unique = [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))];
  return unique.slice(0, MAX_TERMS);
}

/**
 * An FTS5 MATCH expression requiring every term, each as a quoted string so that no character of user input is
 * read as an operator. The words contain no quotes by construction; doubling them anyway keeps the function
 * safe if queryTerms ever changes. Null when nothing searchable is left.
 */
export function toFtsMatch(q: string): string | null {
  const terms = queryTerms(q);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

/** A snippet split into plain and matched runs, for rendering without HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`, "g");
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    if (m[1]) parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  // A stray marker (a snippet cut between open and close) must not leak into the page.
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(SNIPPET_OPEN, "").replaceAll(SNIPPET_CLOSE, "") }));
}

/** The snippet as plain text without markers (feeds). */
export function snippetText(snippet: string): string {
  return snippet.replaceAll(SNIPPET_OPEN, "").replaceAll(SNIPPET_CLOSE, "");
}

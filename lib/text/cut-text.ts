// Cutting an over-long text to a budget at the most natural boundary near the end: a paragraph, else a sentence,
// else a space. Used to bound what is stored and what the comparison reads.

/** Boundaries are looked for in the last fifth of the budget; a text with none there is cut at the budget. */
const SEARCH_FRACTION = 0.2;

/** The text itself when it fits, else a prefix of at most maxChars ending at a paragraph, sentence or word. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const floor = Math.floor(maxChars * (1 - SEARCH_FRACTION));
  const window = text.slice(0, maxChars + 1);
  for (const boundary of [/\n\s*\n/g, /[.!?…。！？]["'”’»)]*\s/g, /\s/g]) {
    let end = -1;
    for (const m of window.matchAll(boundary)) {
      const at = m.index + m[0].trimEnd().length;
      if (m.index >= floor && at <= maxChars) end = at;
    }
    if (end > 0) return text.slice(0, end).trimEnd();
  }
  // No boundary: cut at the budget, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(maxChars - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars);
}

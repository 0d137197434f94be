// Where quotations open and close in a paragraph. Curly quotes pair unambiguously; straight double quotes toggle;
// single curly quotes count only when not an apostrophe (a letter on both sides, as in "Putin’s").
export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index of the closing mark. */
  end: number;
  /** The quoted words, without the marks. */
  inner: string;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Closed quotations of one paragraph, outermost only, in order. An unclosed quote is ignored. */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { index: number; close: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open) {
      if (c === open.close && !(c === "’" && isLetter(text[i - 1]) && isLetter(text[i + 1]))) {
        spans.push({ start: open.index, end: i, inner: text.slice(open.index + 1, i) });
        open = null;
      }
      continue;
    }
    if (c === "“" || c === "„") open = { index: i, close: "”" };
    else if (c === '"') open = { index: i, close: '"' };
    else if (c === "«") open = { index: i, close: "»" };
    else if (c === "‘" && !isLetter(text[i - 1])) open = { index: i, close: "’" };
  }
  return spans;
}

// How much of an article one column of the event page shows. Every member's column used to carry its whole text, so
// an event of long articles (stored text runs to 200,000 characters, older rows longer) weighed many megabytes; a
// column now shows the article's beginning up to a bound, cut after a paragraph, and links to the reader view
// (/articles/[id]), which shows the whole stored text. News reports fit well within the bound and show whole.
import { cutText } from "@/lib/text/cut-text";

/** Words one column shows at most: a long read's first couple of thousand words. */
export const COLUMN_MAX_WORDS = 2_500;
/** Characters one column shows at most, for scripts written without spaces between words (and as a backstop). */
export const COLUMN_MAX_CHARS = 16_000;

const WORD = /\S+/g;

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** What is left of the column's budget as paragraphs (or sentences) are taken in order. */
class Budget {
  private words = 0;
  private chars = 0;
  /** Takes the text if it fits in what is left, separated from the previous by one character. */
  take(text: string): boolean {
    const words = this.words + countWords(text);
    const chars = this.chars + (this.chars > 0 ? 1 : 0) + text.length;
    if (words > COLUMN_MAX_WORDS || chars > COLUMN_MAX_CHARS) return false;
    this.words = words;
    this.chars = chars;
    return true;
  }
}

/** The beginning of a text too long for a whole column by itself, cut at a sentence or word within the bound. */
export function cutToColumn(text: string): string {
  let end = COLUMN_MAX_CHARS;
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    if (++n === COLUMN_MAX_WORDS) {
      end = Math.min(end, m.index + m[0].length);
      break;
    }
  }
  return cutText(text, end);
}

/** The paragraphs of the stored text (as lib/events/format.ts's `paragraphs` splits them), one at a time. */
function* eachParagraph(text: string): Generator<string> {
  let from = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    yield text.slice(from, m.index);
    from = m.index + m[0].length;
  }
  yield text.slice(from);
}

/**
 * The paragraphs a column shows of the stored text: whole paragraphs from the start while they fit the bound (a
 * first paragraph longer than the bound is itself cut), and whether anything was left out. Reads only as far as
 * it shows, so an old, unbounded row costs no more than a capped one.
 */
export function columnParagraphs(text: string): { paragraphs: string[]; cut: boolean } {
  const budget = new Budget();
  const shown: string[] = [];
  for (const raw of eachParagraph(text)) {
    const p = raw.replace(/\s*\n\s*/g, " ").trim();
    if (!p) continue;
    if (budget.take(p)) {
      shown.push(p);
      continue;
    }
    if (shown.length === 0) shown.push(cutToColumn(p));
    return { paragraphs: shown, cut: true };
  }
  return { paragraphs: shown, cut: false };
}

/**
 * The same bound over the comparison's sentences of an article (each naming its paragraph): whole paragraphs while
 * they fit; when the first paragraph does not, its sentences while they fit (the first one cut if need be).
 */
export function columnSentences<S extends { paragraph: number; text: string }>(
  sentences: readonly S[],
): { sentences: S[]; cut: boolean } {
  const budget = new Budget();
  const shown: S[] = [];
  for (let i = 0; i < sentences.length; ) {
    let j = i;
    while (j < sentences.length && sentences[j].paragraph === sentences[i].paragraph) j++;
    const paragraph = sentences.slice(i, j);
    if (budget.take(paragraph.map((s) => s.text).join(" "))) {
      shown.push(...paragraph);
      i = j;
      continue;
    }
    if (shown.length === 0) {
      const sentenceBudget = new Budget();
      for (const s of paragraph) {
        if (!sentenceBudget.take(s.text)) break;
        shown.push(s);
      }
      if (shown.length === 0) shown.push({ ...paragraph[0], text: cutToColumn(paragraph[0].text) });
    }
    return { sentences: shown, cut: true };
  }
  return { sentences: shown, cut: false };
}

/**
 * Characters of one sentence or quotation the comparison sections (what everyone reports, quotes) show. They list
 * a line per outlet; a news sentence is far shorter, but a text without full stops is one "sentence" as long as
 * what the comparison read of it.
 */
export const MAX_SNIPPET_CHARS = 1_000;

/** The text, or its beginning cut at a word within MAX_SNIPPET_CHARS and ended with "…". */
export function clipSnippet(text: string): string {
  if (text.length <= MAX_SNIPPET_CHARS) return text;
  return `${cutText(text, MAX_SNIPPET_CHARS - 1)}…`;
}

/** A word diff whose texts together run to at most MAX_SNIPPET_CHARS, ended with "…" when cut. */
export function clipDiff<P extends { text: string }>(parts: readonly P[]): P[] {
  const out: P[] = [];
  let left = MAX_SNIPPET_CHARS - 1;
  for (const p of parts) {
    if (p.text.length <= left) {
      out.push(p);
      left -= p.text.length;
      continue;
    }
    out.push({ ...p, text: `${cutText(p.text, left)}…` });
    break;
  }
  return out;
}

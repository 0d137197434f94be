// Clean text → paragraphs → sentences. A full stop ends a sentence unless it belongs to an abbreviation ("Mr.",
// "Gen."), an initial ("J. Smith") or a number ("3.5"); terminators inside a quotation do not end the sentence
// that carries the quotation, so "“Vladimir, STOP! …,” Trump said." stays one claim with its attribution.
import { quoteSpans } from "./quote-spans";

export interface Sentence {
  /** Position in the article, counting from 0 across paragraphs. */
  index: number;
  paragraph: number;
  text: string;
}

const abbreviations = new Set(
  `mr mrs ms dr prof gen sen rep gov lt col sgt capt cpl maj adm st jr sr inc ltd co corp vs v etc no nos fig approx
  dept est jan feb mar apr jun jul aug sep sept oct nov dec pres atty rev hon mt ft`.split(/\s+/),
);
// After a dotted acronym ("U.S.") a new sentence is assumed only when the next word typically starts one.
const sentenceStarters = new Set(
  `the a an he she it they we i you but and in on at this that these those there his her their its our as after
  before when while however meanwhile according earlier later`.split(/\s+/),
);

/** Paragraphs of the clean text: blank-line separated, each line of a list its own paragraph, bullets dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*[•\-*–]\s)/)
    .map((p) =>
      p
        .replace(/^\s*[•*–-]\s+/, "")
        .replace(/\s*\n\s*/g, " ")
        .trim(),
    )
    .filter(Boolean);
}

/** The sentences of a text, numbered across paragraphs. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((para, paragraph) => {
    for (const s of splitParagraph(para)) out.push({ index: out.length, paragraph, text: s });
  });
  return out;
}

const closers = `"'”’»)]`;

/** The sentences of one paragraph. */
export function splitParagraph(para: string): string[] {
  const spans = quoteSpans(para);
  const insideQuote = (i: number) => spans.some((s) => i > s.start && i < s.end);
  const out: string[] = [];
  let from = 0;
  const terminator = /[.!?…]+/g;
  for (let m = terminator.exec(para); m; m = terminator.exec(para)) {
    let end = m.index + m[0].length;
    while (end < para.length && closers.includes(para[end])) end++;
    // Only a closing quotation mark right after the terminator lets a quoted sentence end the outer one.
    if (insideQuote(m.index) && !spans.some((s) => s.end >= m!.index + m![0].length && s.end < end)) continue;
    const rest = para.slice(end);
    const gap = /^\s+/.exec(rest);
    if (!gap) continue;
    const next = rest.slice(gap[0].length);
    if (!/^[\p{Lu}\p{N}"“‘'«([]/u.test(next)) continue;
    if (m[0] === "." && !endsSentence(para.slice(from, m.index), next)) continue;
    out.push(para.slice(from, end).trim());
    from = end;
  }
  const last = para.slice(from).trim();
  if (last) out.push(last);
  return out;
}

function endsSentence(before: string, next: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? "";
  const bare = word.replace(/^[("“‘'[]+/, "");
  if (abbreviations.has(bare.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(bare)) return false; // an initial
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    // "U.S", "a.m": an acronym's final stop doubles as the full stop only before a typical sentence opener.
    const nextWord = /^["“‘']?([\p{L}]+)/u.exec(next)?.[1]?.toLowerCase() ?? "";
    return sentenceStarters.has(nextWord);
  }
  return true;
}

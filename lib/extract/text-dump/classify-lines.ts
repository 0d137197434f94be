import { furnitureKind, type FurnitureKind } from "./furniture";
import type { DumpLine } from "./normalise-lines";

export type LineKind = "prose" | "short" | FurnitureKind | "noise";

export interface ClassifiedLine extends DumpLine {
  kind: LineKind;
  /** Word count; scripts written without spaces count roughly two characters a word. */
  words: number;
  bullet: boolean;
}

const BULLET = /^[•●▪◦·‣∙*\-–—]\s+/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const SENTENCE_END = /[.!?。！？…؟।][\s"'”’»)\]]*$/u;
const URL = /(?:https?:\/\/|www\.)\S+/giu;
const TIMESTAMP = /^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/iu;

export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const spaced = text
    .replace(CJK, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return spaced + Math.ceil(cjk / 2);
}

export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** True for one line of body text: long enough and shaped like sentences, not like a headline or a label. */
export function looksLikeProse(text: string, words = countWords(text)): boolean {
  if (words >= 6 && endsLikeSentence(text)) return true;
  // Long lines without a final full stop ("Source: X, Y's adviser, in a comment to...") still read as prose
  // when they carry clause punctuation; bare long headlines do not.
  if (words >= 12 && /[,;:،，；]/u.test(text)) return true;
  return words >= 25;
}

function isNoise(text: string, words: number): boolean {
  if (TIMESTAMP.test(text)) return true;
  // Lone numbers and letters: list counters, comment avatars, pagination.
  if (/^[\p{N}\p{L}][.)]?$/u.test(text) || /^\d{1,4}[.)]?$/u.test(text)) return true;
  const urlChars = (text.match(URL) ?? []).join("").length;
  if (urlChars > 0 && urlChars / text.length > 0.5) return true;
  // Language switchers and menus: several tiny tokens, no sentence ("Укр Рус Eng", "EN | FR | DE").
  const tokens = text.split(/[\s|/·•]+/).filter(Boolean);
  if (tokens.length >= 2 && tokens.every((t) => [...t].length <= 4) && !endsLikeSentence(text) && words <= 8)
    return true;
  // Tag clouds copied without separators glue words: "Russo-Ukrainian warRussiaUSAUkraine".
  const glued = text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
  return glued >= 2 && words <= 12;
}

export function classifyLines(lines: DumpLine[]): ClassifiedLine[] {
  return lines.map((line) => {
    const bullet = BULLET.test(line.text);
    const text = bullet ? line.text.replace(BULLET, "") : line.text;
    const words = countWords(text);
    const furniture = furnitureKind(text);
    let kind: LineKind;
    if (furniture) kind = furniture;
    else if (isNoise(text, words)) kind = "noise";
    else if (looksLikeProse(text, words)) kind = "prose";
    else kind = "short";
    return { ...line, text, kind, words, bullet };
  });
}

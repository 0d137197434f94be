import {
  BOX_HEADERS,
  FURNITURE_FRAGMENTS,
  INLINE_FURNITURE,
  SECTION_BREAKS,
  SECTION_FRAGMENTS,
} from "./boilerplate-vocabulary";
import { trimTrailing } from "./trim-trailing";

export type FurnitureKind = "section-break" | "box-header" | "inline";

// Fragments only condemn lines up to this long: a long paragraph that mentions "cookies" is still prose.
const FRAGMENT_MAX_WORDS = 40;
// "Share this article on Facebook" is furniture; a longer line starting "Share prices fell..." is not.
const PHRASE_LEAD_MAX_WORDS = 7;

const SEPARATOR = /^[\s]*[:：|›»>→\-–—!.…]/u;
const TRAILING_NOISE = /[\s:：.!?…|›»>→\-–—()[\]\d]/u;

const sectionBreaks = [...SECTION_BREAKS].sort((a, b) => b.length - a.length);
const inlineFurniture = [...INLINE_FURNITURE].sort((a, b) => b.length - a.length);

const VIEW_COUNTER =
  /(?:^|\s)\d[\d.,\s]*[kKтис.]*\s*(?:views?|reads?|переглядів|перегляди|просмотр\w*|次阅读|阅读|vues|aufrufe|visitas|مشاهدة|बार देखा)(?=$|\s|[|·•])/iu;
const CREDIT =
  /^(?:stock\s+)?(?:photo|photograph|image|picture|video|illustration|credit|фото|світлина|ілюстрація|иллюстрация|图片|图|摄影|视频|صورة|photo\s*:|bild|foto|imagen)s?\s*(?:credit)?\s*[:：/|©]/iu;

// Consent banners run long, so they are matched at any length, by phrases an article would not use.
const COOKIE_NOTICE =
  /\b(?:(?:this|our) (?:web)?site uses (?:\w+ )?cookies|we use (?:\w+ )?cookies|cookies? (?:policy|settings|preferences|consent)|accept (?:all )?cookies|necessary cookies|(?:файли|файлы) cookie)/iu;

/** Whether a line is page furniture, and which kind. */
export function furnitureKind(line: string): FurnitureKind | null {
  const lower = line.toLowerCase();
  const words = line.split(/\s+/).length;
  if (/^(?:©|\(c\)\s|copyright\b)/iu.test(line)) return "section-break";
  const section = matchPhrase(line, lower, words, sectionBreaks);
  if (section) return "section-break";
  const inline = matchPhrase(line, lower, words, inlineFurniture);
  if (inline) return BOX_HEADERS.has(inline) ? "box-header" : "inline";
  if (COOKIE_NOTICE.test(line)) return "inline";
  if (words <= FRAGMENT_MAX_WORDS && SECTION_FRAGMENTS.some((fragment) => lower.includes(fragment)))
    return "section-break";
  if (words <= FRAGMENT_MAX_WORDS && FURNITURE_FRAGMENTS.some((fragment) => lower.includes(fragment))) return "inline";
  if (words <= 12 && VIEW_COUNTER.test(line)) return "inline";
  if (words <= 12 && CREDIT.test(line)) return "inline";
  return null;
}

function matchPhrase(line: string, lower: string, words: number, phrases: readonly string[]): string | null {
  const bare = trimTrailing(lower, TRAILING_NOISE);
  for (const phrase of phrases) {
    if (bare === phrase) return phrase;
    if (!lower.startsWith(phrase)) continue;
    const rest = line.slice(phrase.length);
    if (SEPARATOR.test(rest)) return phrase;
    // Glued page text: "CommentsNo comment", "Tags:Russia", "Read more12:30".
    if (/^[\p{Lu}\p{N}]/u.test(rest)) return phrase;
    const multiWordOrNonLatin = phrase.includes(" ") || !/^[a-z]/.test(phrase);
    if (multiWordOrNonLatin && /^\s/.test(rest) && words <= PHRASE_LEAD_MAX_WORDS) return phrase;
  }
  return null;
}

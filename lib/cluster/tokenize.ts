// Words → comparable terms: lower-cased, stop words dropped, English words Porter-stemmed so that "checks",
// "checked" and "checking" meet. Numbers are kept (death tolls, magnitudes and years tell similar events apart).
import { stemmer } from "stemmer";
import { stopwords } from "./stopwords";

const wordPattern = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
const latin = /^[a-z]+$/;
// Stemming dominates feature time; news vocabulary repeats, so remember each word's stem.
const stems = new Map<string, string>();

/** One term per meaningful word of the text, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(wordPattern)) {
    const term = normaliseWord(match[0]);
    if (term) out.push(term);
  }
  return out;
}

/** The term for one already lower-cased word, or null for a word that carries no topic. */
export function normaliseWord(word: string): string | null {
  const known = terms.get(word);
  if (known !== undefined) return known;
  const term = computeTerm(word);
  if (terms.size < 500_000) terms.set(word, term);
  return term;
}

// Whole-word memo in front of the number, stop-word and stemming rules: news vocabulary repeats.
const terms = new Map<string, string | null>();

function computeTerm(word: string): string | null {
  if (/^\p{N}/u.test(word)) {
    const number = word.replace(/,(?=\d{3}\b)/g, "");
    // Single digits ("3 people", "2 days") are too common to tell stories apart.
    return number.length >= 2 ? `#${number}` : null;
  }
  const bare = word.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (bare.length < 2 || stopwords.has(bare)) return null;
  if (!latin.test(bare)) return bare;
  let stem = stems.get(bare);
  if (stem === undefined) {
    stem = stemmer(bare);
    if (stems.size < 200_000) stems.set(bare, stem);
  }
  return stopwords.has(stem) ? null : stem;
}

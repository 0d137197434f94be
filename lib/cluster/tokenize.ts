// Words → comparable terms: lower-cased, stop words dropped, English words Porter-stemmed so that "checks",
// "checked" and "checking" meet. Numbers are kept (death tolls, magnitudes and years tell similar events apart).
import { stemmer } from "stemmer";
import { stopwords } from "./stopwords";
import { termId } from "./term-ids";
import { grownTo } from "./grown";

const latin = /^[a-z]+$/;
// Stemming dominates feature time; news vocabulary repeats, so remember each word's stem.
const stems = new Map<string, string>();

// Character classes of the word rule: a number is \p{N}+ with inner "." or "," groups ("1,200", "3.5"); a word is
// [\p{L}\p{M}]+ with apostrophe-joined letter groups ("o'brien", "don’t"). Scanning char codes against a lazily
// filled table replaces a Unicode regex over the whole text, which was most of the tokenising time.
const OTHER = 0;
const LETTER = 1;
const MARK = 2;
const NUMBER = 3;
const UNKNOWN = 255;
const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClass = new Map<number, number>();
const isLetter = /^\p{L}$/u;
const isMark = /^\p{M}$/u;
const isNumber = /^\p{N}$/u;

function classify(ch: string): number {
  return isLetter.test(ch) ? LETTER : isMark.test(ch) ? MARK : isNumber.test(ch) ? NUMBER : OTHER;
}

/** Class of the code point at `i` (a lone surrogate is OTHER); its width in code units is `width(i)`. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = bmpClass[c];
    if (k === UNKNOWN) k = bmpClass[c] = classify(String.fromCharCode(c));
    return k;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return OTHER;
  let k = astralClass.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    astralClass.set(cp, k);
  }
  return k;
}

const width = (text: string, i: number) =>
  text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < text.length ? 2 : 1;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Calls `emit` with the span [start, end) of each word of an already lower-cased text, in order, until `emit`
 * returns false.
 */
function scanSpans(text: string, emit: (start: number, end: number) => boolean): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (k === OTHER) {
      i += width(text, i);
      continue;
    }
    const start = i;
    if (k === NUMBER) {
      while (i < n && classAt(text, i) === NUMBER) i += width(text, i);
      for (;;) {
        const c = text.charCodeAt(i);
        if (i + 1 >= n || (c !== 46 && c !== 44) || classAt(text, i + 1) !== NUMBER) break;
        i++;
        while (i < n && classAt(text, i) === NUMBER) i += width(text, i);
      }
    } else {
      for (let c = k; i < n && (c === LETTER || c === MARK); c = i < n ? classAt(text, i) : OTHER) i += width(text, i);
      while (i + 1 < n && isApostrophe(text.charCodeAt(i)) && classAt(text, i + 1) === LETTER) {
        i++;
        while (i < n && classAt(text, i) === LETTER) i += width(text, i);
      }
    }
    if (!emit(start, i)) return;
  }
}

/** One term per meaningful word of the text, in order. */
export function tokenize(text: string): string[] {
  return tokenizeUpTo(text, Infinity).terms;
}

/** The first `max` terms of the text, and the offset just past the last one (the text's length if fewer). */
export function tokenizeUpTo(text: string, max: number): { terms: string[]; end: number } {
  const terms: string[] = [];
  const end = scanTerms(text, max, (lower, start, at) => {
    const term = termAt(lower, start, at);
    if (term !== null) terms.push(term);
    return term !== null;
  });
  return { terms, end };
}

/**
 * As `tokenizeUpTo`, with each term as its process-wide id (term-ids.ts): the memo holds the id beside the term,
 * so features are counted by id without hashing a term string per word.
 */
export function termIdsUpTo(text: string, max: number): { ids: number[]; end: number } {
  const ids: number[] = [];
  const end = scanTerms(text, max, (lower, start, at) => {
    const id = idAt(lower, start, at);
    if (id >= 0) ids.push(id);
    return id >= 0;
  });
  return { ids, end };
}

/**
 * Calls `take` with each word of the lower-cased text until it has kept `max` terms (`take` returns whether the
 * word was one); returns the offset just past the last one kept (the text's length if fewer).
 */
function scanTerms(text: string, max: number, take: (lower: string, start: number, end: number) => boolean): number {
  if (max <= 0) return 0;
  let end = text.length;
  let kept = 0;
  const lower = text.toLowerCase();
  scanSpans(lower, (start, at) => {
    if (!take(lower, start, at) || ++kept < max) return true;
    end = at;
    return false;
  });
  return end;
}

/** The term for one already lower-cased word, or null for a word that carries no topic. */
export function normaliseWord(word: string): string | null {
  return termAt(word, 0, word.length);
}

/**
 * Whole-word memo in front of the number, stop-word and stemming rules (news vocabulary repeats), keyed by the
 * word's characters in place: a word already seen is found without slicing it out of the text or hashing a new
 * string, which a Map keyed by the sliced word cost (~300 ns a word, most of the tokenising time). Open
 * addressing; a slot holds the word's hash, its entry, its term id and where its characters lie in a flat pool,
 * side by side, so that finding a word reads one slot and its characters: with the parts in arrays of their own
 * (and the words as strings), each lookup in a large memo missed the cache four or five times.
 */
class WordMemo {
  /** Per slot: hash, entry + 1 (0: empty), term id (-1: none), offset of the word in `chars`. */
  private slots = new Int32Array(4 << 16);
  /** Each word as its length followed by its characters. */
  private chars = new Uint16Array(1 << 18);
  private charsUsed = 0;
  private readonly terms: (string | null)[] = [];
  /** The entry for a word seen once the memo is full. */
  private unmemoised: { term: string | null; id: number } = { term: null, id: -1 };

  constructor(private readonly limit: number) {}

  /** The term of text[start, end), computing and remembering it on first sight. */
  get(text: string, start: number, end: number): string | null {
    const slot = this.find(text, start, end);
    return slot < 0 ? this.unmemoised.term : this.terms[this.slots[slot + 1] - 1];
  }

  /** As `get`, the term's id (term-ids.ts; -1 for none). */
  getId(text: string, start: number, end: number): number {
    const slot = this.find(text, start, end);
    return slot < 0 ? this.unmemoised.id : this.slots[slot + 2];
  }

  /** Where the slot of text[start, end) starts in `slots`, made on first sight; -1 once the memo is full. */
  private find(text: string, start: number, end: number): number {
    // A word's length is stored in one 16-bit cell; a run of letters that long is no vocabulary worth keeping.
    if (end - start > maxMemoWord) {
      const term = computeTerm(text.slice(start, end));
      this.unmemoised = { term, id: term === null ? -1 : termId(term) };
      return -1;
    }
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = (this.slots.length >> 2) - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      if (this.slots[at + 1] === 0) {
        const word = text.slice(start, end);
        const term = computeTerm(word);
        const id = term === null ? -1 : termId(term);
        if (this.terms.length < this.limit) return this.insert(at, h, word, term, id);
        this.unmemoised = { term, id };
        return -1;
      }
      if (this.slots[at] === h && this.sameChars(this.slots[at + 3], text, start, end)) return at;
    }
  }

  private sameChars(offset: number, text: string, start: number, end: number): boolean {
    const chars = this.chars;
    if (chars[offset] !== end - start) return false;
    for (let i = start, j = offset + 1; i < end; i++, j++) if (chars[j] !== text.charCodeAt(i)) return false;
    return true;
  }

  private insert(at: number, h: number, word: string, term: string | null, id: number): number {
    this.chars = grownTo(this.chars, this.charsUsed + word.length + 1);
    const offset = this.charsUsed;
    this.chars[offset] = word.length;
    for (let i = 0; i < word.length; i++) this.chars[offset + 1 + i] = word.charCodeAt(i);
    this.charsUsed += word.length + 1;
    this.terms.push(term);
    this.slots.set([h, this.terms.length, id, offset], at);
    if (this.terms.length * 2 <= this.slots.length >> 2) return at;
    this.grow();
    return this.find(word, 0, word.length);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 2) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (!old[at + 1]) continue;
      const h = old[at];
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.slots[(slot << 2) + 1]) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + 4), slot << 2);
    }
  }
}

const maxMemoWord = 1_000;
const memo = new WordMemo(500_000);
const termAt = (text: string, start: number, end: number) => memo.get(text, start, end);
const idAt = (text: string, start: number, end: number) => memo.getId(text, start, end);

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

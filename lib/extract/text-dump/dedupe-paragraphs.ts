import { titleKey } from "./title";

export interface Paragraph {
  text: string;
  bullet: boolean;
}

// Pages print the same paragraph twice (a pull quote, a block rendered for two layouts). Two paragraphs are
// the same when nearly all the shorter one's words are in the longer and their lengths are close.
const MIN_TOKENS = 4;
const MIN_OVERLAP = 0.85;
const MIN_LENGTH_RATIO = 0.7;
// Comparing every paragraph with every kept one is quadratic; an article has far fewer paragraphs than this, so
// only a hostile or runaway page meets the cap, and past it a paragraph is compared with the first this many kept
// (exact repeats are still caught anywhere, by their key).
const MAX_NEAR_DUPLICATE_CANDIDATES = 300;

function tokens(text: string): string[] {
  return titleKey(text).split(" ").filter(Boolean);
}

export function isNearDuplicate(a: string, b: string): boolean {
  return wordingsNearDuplicate(wording(a), wording(b));
}

/** A paragraph's tokens and how often each occurs, counted once rather than for every comparison. */
interface Wording {
  tokens: string[];
  counts: Map<string, number>;
}

function wording(text: string): Wording {
  const list = tokens(text);
  const counts = new Map<string, number>();
  for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { tokens: list, counts };
}

function wordingsNearDuplicate(a: Wording, b: Wording): boolean {
  const [ta, tb] = [a.tokens, b.tokens];
  // Tokens hold no spaces, so equal arrays are equal wordings.
  if (ta.length === tb.length && ta.every((t, i) => t === tb[i])) return ta.length > 0;
  const [short, long] = ta.length <= tb.length ? [a, b] : [b, a];
  if (short.tokens.length < MIN_TOKENS || short.tokens.length / long.tokens.length < MIN_LENGTH_RATIO) return false;
  // Each of the shorter one's words counts as often as the longer one has it to give.
  let shared = 0;
  for (const [t, n] of short.counts) shared += Math.min(n, long.counts.get(t) ?? 0);
  return shared / short.tokens.length >= MIN_OVERLAP;
}

interface Kept {
  paragraph: Paragraph;
  wording: Wording;
}

/** Drops repeated paragraphs, keeping the first position and the fuller wording. */
export function dedupeParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const kept: Kept[] = [];
  // Kept paragraphs by their wording's key, so a verbatim repeat is found past the cap too.
  const byKey = new Map<string, Kept>();
  const remember = (entry: Kept) => {
    const key = entry.wording.tokens.join(" ");
    if (entry.wording.tokens.length > 0 && !byKey.has(key)) byKey.set(key, entry);
  };
  for (const paragraph of paragraphs) {
    const own = wording(paragraph.text);
    const twin = firstNearDuplicate(kept, own) ?? (own.tokens.length > 0 ? byKey.get(own.tokens.join(" ")) : undefined);
    if (!twin) {
      const entry = { paragraph: { ...paragraph }, wording: own };
      kept.push(entry);
      remember(entry);
    } else if (paragraph.text.length > twin.paragraph.text.length) {
      const oldKey = twin.wording.tokens.join(" ");
      if (byKey.get(oldKey) === twin) byKey.delete(oldKey);
      twin.paragraph.text = paragraph.text;
      twin.wording = own;
      remember(twin);
    }
  }
  return kept.map((k) => k.paragraph);
}

function firstNearDuplicate(kept: Kept[], own: Wording): Kept | undefined {
  const end = Math.min(kept.length, MAX_NEAR_DUPLICATE_CANDIDATES);
  for (let i = 0; i < end; i++) if (wordingsNearDuplicate(kept[i].wording, own)) return kept[i];
  return undefined;
}

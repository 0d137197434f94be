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

function tokens(text: string): string[] {
  return titleKey(text).split(" ").filter(Boolean);
}

export function isNearDuplicate(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.join(" ") === tb.join(" ")) return ta.length > 0;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < MIN_TOKENS || short.length / long.length < MIN_LENGTH_RATIO) return false;
  const pool = new Map<string, number>();
  for (const t of long) pool.set(t, (pool.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of short) {
    const left = pool.get(t) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(t, left - 1);
    }
  }
  return shared / short.length >= MIN_OVERLAP;
}

/** Drops repeated paragraphs, keeping the first position and the fuller wording. */
export function dedupeParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const kept: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const twin = kept.find((k) => isNearDuplicate(k.text, paragraph.text));
    if (!twin) kept.push({ ...paragraph });
    else if (paragraph.text.length > twin.text.length) twin.text = paragraph.text;
  }
  return kept;
}

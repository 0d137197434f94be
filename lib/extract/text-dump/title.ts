import { countWords, endsLikeSentence } from "./classify-lines";

const MAX_TITLE_CHARS = 140;

/** Could this line be a headline? Short, one clause, no final full stop. */
export function isTitleLike(text: string): boolean {
  const words = countWords(text);
  if (words < 3 || words > 30 || text.length > 250) return false;
  if (/[.。]$/u.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  if (/https?:\/\//.test(text)) return false;
  return /\p{Ll}|\p{Lo}/u.test(text); // not an all-caps menu label
}

/** Compare headlines ignoring quotes and punctuation: pages repeat them with the quotes stripped. */
export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A headline from a URL slug: ".../Trump-says-Ukraine-deal-near-after-envoy-meets-Putin-1CSAfvwPuPC/p.html". */
export function titleFromUrl(url: string): string | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split("/").map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  const slugs = segments
    .map((segment) => segment.replace(/\.[a-z0-9]{2,5}$/i, ""))
    .map((segment) => segment.split(/[-_+]+/).filter(Boolean))
    .map((parts) => trimIds(parts))
    .filter((parts) => parts.length >= 3);
  if (slugs.length === 0) return null;
  const words = slugs.sort((a, b) => b.length - a.length)[0];
  const title = words.join(" ");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

// Slugs carry record ids at either end ("...-1CSAfvwPuPC", "12345-..."): tokens with digits mixed in, or
// long runs of digits, are not words.
function trimIds(parts: string[]): string[] {
  const isId = (part: string) => /\d/.test(part) && (/\p{L}/u.test(part) || part.length >= 5);
  let start = 0;
  let end = parts.length;
  while (start < end && isId(parts[start])) start++;
  while (end > start && isId(parts[end - 1])) end--;
  return parts.slice(start, end);
}

/** Last resort: the first sentence of the body, cut at a word boundary. */
export function titleFromText(text: string): string {
  const first = text.split(/\n/)[0];
  const sentence = /^.+?[.!?。！？](?=\s|$)/u.exec(first)?.[0] ?? first;
  if (sentence.length <= MAX_TITLE_CHARS)
    return endsLikeSentence(sentence) ? sentence.replace(/[.。]$/u, "") : sentence;
  const cut = sentence.slice(0, MAX_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 60)).trim()}…`;
}

// JSON-LD articleBody is the publisher's own statement of what the article text is. It is not used as the
// text itself (often truncated at a paywall, stripped of headings, or stale), but it says which block of the
// page holds the body when the scores hesitate.
import { type Element, textOf } from "./dom";

const WORD = /[\p{L}\p{N}]+/gu;
/** Below this, articleBody is a teaser or a placeholder, not evidence. */
const MIN_BODY_LENGTH = 300;
/** A candidate must agree this much better than the scored choice to override it. */
const MARGIN = 0.1;

/**
 * Of `candidates` (best-scored first), the one whose words best match `articleBody`, when it matches clearly
 * better than the first; otherwise the first.
 */
export function preferStructuredBody(candidates: Element[], articleBody: string | null): Element {
  const [first] = candidates;
  if (!articleBody || articleBody.length < MIN_BODY_LENGTH || candidates.length < 2) return first;
  const expected = countWords(articleBody);
  let best = first;
  const firstAgreement = agreement(expected, countWords(textOf(first)));
  let bestAgreement = firstAgreement;
  for (const candidate of candidates.slice(1)) {
    const value = agreement(expected, countWords(textOf(candidate)));
    if (value > bestAgreement) {
      bestAgreement = value;
      best = candidate;
    }
  }
  return bestAgreement > firstAgreement + MARGIN ? best : first;
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** F1 of word multisets. */
function agreement(expected: Map<string, number>, got: Map<string, number>): number {
  let common = 0;
  let expectedTotal = 0;
  let gotTotal = 0;
  for (const n of expected.values()) expectedTotal += n;
  for (const [word, n] of got) {
    gotTotal += n;
    common += Math.min(n, expected.get(word) ?? 0);
  }
  return common > 0 ? (2 * common) / (expectedTotal + gotTotal) : 0;
}

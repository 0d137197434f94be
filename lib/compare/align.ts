// "Compare two": the sentences of two articles side by side, each sentence of one beside the sentence of the other
// that reports the same thing (if any), with a word diff between them. Unmatched sentences keep their place.
// Each side reads at most the comparison's MAX_COMPARE_TEXT_CHARS: every sentence of one is scored against every
// sentence of the other, and the event page renders every row, so two whole 200,000-character articles cost
// seconds and megabytes.
import { cutText } from "@/lib/text/cut-text";
import { MAX_COMPARE_TEXT_CHARS } from "./build";
import { wordDiff } from "./quotes";
import type { DiffPart } from "./schema";
import { splitSentences } from "./sentences";
import { buildVectors, cosine } from "./similarity";

export interface AlignedRow {
  left: string | null;
  right: string | null;
  /** Word diff from left to right, when both sides are present. */
  diff: DiffPart[] | null;
  similarity: number;
}

export const ALIGN_THRESHOLD = 0.3;

export function alignArticles(leftText: string, rightText: string): AlignedRow[] {
  const left = splitSentences(cutText(leftText, MAX_COMPARE_TEXT_CHARS)).map((s) => s.text);
  const right = splitSentences(cutText(rightText, MAX_COMPARE_TEXT_CHARS)).map((s) => s.text);
  const space = buildVectors([...left, ...right]);
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < left.length; i++) {
    for (let j = 0; j < right.length; j++) {
      const similarity = cosine(space.vectors[i], space.vectors[left.length + j]);
      if (similarity >= ALIGN_THRESHOLD) pairs.push({ i, j, similarity });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || a.i - b.i || a.j - b.j);
  const matchOfLeft = new Map<number, { j: number; similarity: number }>();
  const matchedRight = new Set<number>();
  for (const p of pairs) {
    if (matchOfLeft.has(p.i) || matchedRight.has(p.j)) continue;
    matchOfLeft.set(p.i, { j: p.j, similarity: p.similarity });
    matchedRight.add(p.j);
  }
  const rows: AlignedRow[] = [];
  let nextRight = 0;
  const flushRightUpTo = (limit: number) => {
    for (; nextRight < limit; nextRight++) {
      if (!matchedRight.has(nextRight)) rows.push({ left: null, right: right[nextRight], diff: null, similarity: 0 });
    }
  };
  left.forEach((text, i) => {
    const m = matchOfLeft.get(i);
    if (!m) {
      rows.push({ left: text, right: null, diff: null, similarity: 0 });
      return;
    }
    flushRightUpTo(m.j);
    nextRight = Math.max(nextRight, m.j + 1);
    rows.push({ left: text, right: right[m.j], diff: wordDiff(text, right[m.j]), similarity: m.similarity });
  });
  flushRightUpTo(right.length);
  return rows;
}

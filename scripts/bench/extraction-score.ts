// The scoring of scrapinghub/article-extraction-benchmark, ported so that our figures compare with its table.
// Shingles of 4 word tokens are compared as multisets; each page's counts are normalised so that long
// articles do not outweigh short ones, and precision/recall are averaged over pages before taking F1.

/** Python's `re.findall(r"\w+", text)` in Unicode mode: letters, numbers and underscore (not combining marks). */
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Counts of n-token shingles. Like the benchmark, a text shorter than n tokens (even an empty one) yields one
 * shingle made of all its tokens, so an empty prediction costs precision instead of vanishing from the mean.
 */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageMatch {
  tp: number;
  fp: number;
  fn: number;
}

/** Normalised (sum = 1) true/false positives and false negatives of one page's predicted body. */
export function matchPage(truth: string, predicted: string, n = 4): PageMatch {
  const expected = shingles(truth, n);
  const got = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, want] of expected) {
    const have = got.get(key) ?? 0;
    tp += Math.min(want, have);
    fn += Math.max(0, want - have);
  }
  for (const [key, have] of got) fp += Math.max(0, have - (expected.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Mean precision and recall over pages, and the F1 of those means (the benchmark's headline figure). */
export function scoreCorpus(pages: PageMatch[]): CorpusScore {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const { tp, fp, fn } of pages) {
    if (fp === 0 && fn === 0) {
      precisions.push(1);
      recalls.push(1);
      continue;
    }
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

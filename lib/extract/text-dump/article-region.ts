import { type ClassifiedLine, endsLikeSentence } from "./classify-lines";

export interface Region {
  /** Inclusive bounds, as indexes into the classified line array. */
  start: number;
  end: number;
}

// Line weights for the densest-run search: prose earns its length, everything else costs a little, so a
// run of body paragraphs survives an ad or a subhead but not a block of headlines. Section breaks are walls.
function weight(line: ClassifiedLine): number {
  switch (line.kind) {
    case "prose":
      // Long lines without a closing full stop are often headlines in a related-news list: half credit.
      return endsLikeSentence(line.text) ? line.text.length : line.text.length * 0.4;
    case "short":
      return -30;
    case "box-header":
    case "inline":
    case "noise":
      return -50;
    case "section-break":
      return Number.NEGATIVE_INFINITY;
  }
}

// Comments and "more stories" lists follow the article and can hold more prose than it does, so of the
// dense runs the earliest that is at least this share of the densest one is taken as the article.
const EARLIEST_RUN_SHARE = 0.7;

/**
 * The main article region: of the maximum-sum runs of lines (a Kadane pass restarted at every section
 * break), the first that is nearly as dense as the densest.
 */
export function findArticleRegion(lines: ClassifiedLine[]): Region | null {
  const runs: Array<Region & { sum: number }> = [];
  let current: (Region & { sum: number }) | null = null;
  let start = 0;
  let sum = 0;
  const close = () => {
    if (current) runs.push(current);
    current = null;
  };
  lines.forEach((line, index) => {
    const w = weight(line);
    if (w === Number.NEGATIVE_INFINITY) {
      close();
      sum = 0;
      start = index + 1;
      return;
    }
    if (sum <= 0) {
      close();
      sum = 0;
      start = index;
    }
    sum += w;
    if (sum > 0 && (!current || sum > current.sum)) current = { start, end: index, sum };
  });
  close();
  if (runs.length === 0) return null;
  // A loop, not Math.max(...): a page of many short runs would overflow the call's argument limit.
  let densest = Number.NEGATIVE_INFINITY;
  for (const run of runs) densest = Math.max(densest, run.sum);
  const chosen = runs.find((r) => r.sum >= densest * EARLIEST_RUN_SHARE)!;
  return { start: chosen.start, end: chosen.end };
}

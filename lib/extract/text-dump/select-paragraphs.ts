import type { ClassifiedLine } from "./classify-lines";
import type { Paragraph } from "./dedupe-paragraphs";
import type { Region } from "./article-region";
import { titleKey } from "./title";

/**
 * Pages often print the headline twice: once in the page header and again where the article proper starts,
 * after teaser widgets (summaries, pull quotes). A repeat in the first half of the region marks that start.
 */
export function startAfterRepeatedTitle(lines: ClassifiedLine[], region: Region, title: string | null): Region {
  if (!title) return region;
  const key = titleKey(title);
  const half = region.start + Math.floor((region.end - region.start) / 2);
  let start = region.start;
  for (let i = region.start; i <= half; i++) {
    if (titleKey(lines[i].text) === key) start = i + 1;
  }
  const hasProseAfter = lines.slice(start, region.end + 1).some((l) => l.kind === "prose");
  return hasProseAfter ? { start, end: region.end } : region;
}

/** The article's paragraphs inside the region: prose and real short lines, furniture and boxes left out. */
export function selectParagraphs(lines: ClassifiedLine[], region: Region, title: string | null): Paragraph[] {
  const titleText = title ? titleKey(title) : null;
  const paragraphs: Paragraph[] = [];
  let inBox = false;
  for (let i = region.start; i <= region.end; i++) {
    const line = lines[i];
    if (line.kind === "box-header") {
      inBox = true;
      continue;
    }
    if (inBox && line.kind !== "prose") continue;
    inBox = false;
    if (line.kind !== "prose" && line.kind !== "short") continue;
    if (titleText && titleKey(line.text) === titleText) continue;
    paragraphs.push({ text: line.text, bullet: line.bullet });
  }
  return paragraphs;
}

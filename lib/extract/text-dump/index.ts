import { detectLanguage } from "@/lib/extract/language";
import { type ExtractedArticle, ExtractionError, type Outlet } from "@/lib/extract/types";
import { findArticleRegion } from "./article-region";
import { type ClassifiedLine, classifyLines } from "./classify-lines";
import { dateFromUrl, findYearlessDate } from "./dates";
import { dedupeParagraphs } from "./dedupe-paragraphs";
import { bestDate, DATE_TRUST, type DatedCandidate, readHeader } from "./header-metadata";
import { toDumpLines } from "./normalise-lines";
import { findOriginalUrl } from "./original-url";
import { renderHtml, renderText } from "./render-html";
import { selectParagraphs, startAfterRepeatedTitle } from "./select-paragraphs";
import {
  outletFromContributorLine,
  outletFromDateline,
  outletFromFurniture,
  outletFromUrl,
  toOutlet,
} from "./source-outlet";
import { findDates } from "./dates";
import { parseByline } from "./byline";
import { isTitleLike, titleFromText, titleFromUrl, titleKey } from "./title";

export interface TextDumpHints {
  fileName?: string;
  url?: string;
}

// Fewer characters than this is a caption or a teaser, not an article we can compare.
const MIN_ARTICLE_CHARS = 80;
// Headlines sit just above the body; further up are menus and sidebars.
const TITLE_LOOKBACK_LINES = 10;

/**
 * Clean article text and metadata from a raw text dump of a news page (the page's text copied whole):
 * finds the densest run of prose, drops page furniture and repeats, and reads headline, byline, date,
 * original URL and outlet from what the page prints around the body.
 */
export function extractTextDump(input: string, hints: TextDumpHints = {}): ExtractedArticle {
  if (!input?.trim()) throw new ExtractionError("empty input");
  const lines = classifyLines(toDumpLines(input));
  const region = findArticleRegion(lines);
  if (!region) throw new ExtractionError("no article text found");

  const header = lines.slice(0, region.start);
  const title = pickTitle(header, lines);
  const body = startAfterRepeatedTitle(lines, region, title);
  const paragraphs = dedupeParagraphs(selectParagraphs(lines, body, title));
  const text = renderText(paragraphs);
  if (
    text.length < MIN_ARTICLE_CHARS ||
    !body ||
    !lines.slice(body.start, body.end + 1).some((l) => l.kind === "prose")
  ) {
    throw new ExtractionError("no article text found");
  }

  const allTexts = lines.map((l) => l.text);
  const printedUrl = findOriginalUrl(allTexts);
  const url = printedUrl ?? hints.url ?? null;
  const facts = readHeader(header.map((l) => l.text));
  const outside = lines.filter((_, i) => i < body.start || i > body.end).map((l) => l.text);

  return {
    title:
      title ??
      titleFromUrl(printedUrl ?? "") ??
      titleFromUrl(hints.url ?? "") ??
      titleFromFileName(hints.fileName) ??
      titleFromText(text),
    source: pickSource({
      hintUrl: hints.url,
      printedUrl,
      facts,
      firstParagraph: paragraphs[0]?.text ?? "",
      outside,
      after: allTexts.slice(body.end + 1),
    }),
    byline: facts.byline,
    publishedAt: pickDate(facts.dates, [printedUrl, hints.url], paragraphs[0]?.text ?? ""),
    language: detectLanguage(text),
    url,
    text,
    html: renderHtml(paragraphs),
  };
}

function pickTitle(header: ClassifiedLine[], all: ClassifiedLine[]): string | null {
  // Start after the last section break above the body: anything before it is another page block.
  const lastBreak = header.findLastIndex((l) => l.kind === "section-break");
  const candidates = header
    .slice(lastBreak + 1)
    .filter((l) => (l.kind === "short" || l.kind === "prose") && !l.bullet && isTitleLike(l.text))
    .filter((l) => findDates(l.text).length === 0 && !parseByline(l.text));
  if (candidates.length === 0) return null;
  // Counted once rather than each candidate searched against every line: a long header made that quadratic.
  // Every candidate is itself one of the lines, so a repeat is a key seen twice.
  const keyCounts = new Map<string, number>();
  for (const line of all) {
    const key = titleKey(line.text);
    keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
  }
  const repeated = candidates.find((c) => (keyCounts.get(titleKey(c.text)) ?? 0) >= 2);
  if (repeated) return repeated.text;
  const near = candidates.filter((c) => c.index >= (header.at(-1)?.index ?? 0) - TITLE_LOOKBACK_LINES * 2);
  const pool = near.length ? near : candidates;
  return pool.reduce((best, c) => (c.words > best.words ? c : best)).text;
}

function titleFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.replace(/^.*[\\/]/, "");
  return titleFromUrl(`https://file.invalid/${base}`);
}

interface SourceClues {
  hintUrl: string | undefined;
  printedUrl: string | null;
  facts: ReturnType<typeof readHeader>;
  firstParagraph: string;
  outside: string[];
  after: string[];
}

// From the most to the least direct evidence of who published the page.
function pickSource(clues: SourceClues): Outlet | null {
  if (clues.hintUrl) {
    const outlet = outletFromUrl(clues.hintUrl);
    if (outlet) return outlet;
  }
  if (clues.printedUrl) {
    const outlet = outletFromUrl(clues.printedUrl);
    if (outlet) return outlet;
  }
  const named =
    clues.facts.creditOutlet ??
    outletFromDateline(clues.firstParagraph) ??
    outletFromFurniture(clues.outside) ??
    outletFromContributorLine(clues.after);
  return named ? toOutlet(named) : null;
}

function pickDate(
  header: DatedCandidate[],
  urls: Array<string | null | undefined>,
  firstParagraph: string,
): Date | null {
  const candidates = [...header];
  for (const url of urls) {
    const date = url ? dateFromUrl(url) : null;
    if (date) candidates.push({ date, trust: DATE_TRUST.url });
  }
  const known = bestDate(candidates);
  if (known) return known;
  // A "Moscow, April 25:" dateline gives month and day; without any year in sight we assume none.
  const year = findDates(firstParagraph)[0]?.date.getUTCFullYear();
  const dateline = year ? findYearlessDate(firstParagraph.slice(0, 60), year) : null;
  return dateline?.date ?? null;
}

import { findOutletByName, type KnownOutlet } from "@/lib/outlets/known-outlets";
import { bylineFromByLine, parseByline } from "./byline";
import { findDates, WEEKDAY } from "./dates";
import { trimTrailing } from "./trim-trailing";

/** How far we trust a printed date: a byline date beats the URL, which beats a crawler's "date" header. */
export const DATE_TRUST = { bylineOrLabel: 4, printed: 3, url: 2, crawlHeader: 1, yearlessDateline: 0 } as const;

export interface DatedCandidate {
  date: Date;
  trust: number;
}

export interface HeaderFacts {
  byline: string | null;
  dates: DatedCandidate[];
  /** An agency or outlet credited on a date line ("ANI April 26, 2025"). */
  creditOutlet: KnownOutlet | null;
}

const CRAWL_HEADER = /^(?:date|crawled|fetched|retrieved)\b/i;
const PUBLISHED_LABEL =
  /^(?:published|posted|updated|date published|опубліковано|оновлено|опубликовано|обновлено|发布时间|发布日期|发表于|نشر في|publié le|veröffentlicht am|publicado)\b/iu;

/** Byline, dates and credited outlet from the lines above the article body. */
export function readHeader(lines: string[]): HeaderFacts {
  const facts: HeaderFacts = { byline: null, dates: [], creditOutlet: null };
  for (const line of lines) {
    const found = findDates(line);
    if (found.length === 0) {
      facts.byline ??= bylineFromByLine(line);
      continue;
    }
    const trust = CRAWL_HEADER.test(line)
      ? DATE_TRUST.crawlHeader
      : PUBLISHED_LABEL.test(line)
        ? DATE_TRUST.bylineOrLabel
        : DATE_TRUST.printed;
    const prefix = stripWeekday(line.slice(0, found[0].index));
    const outlet = prefix ? creditedOutlet(prefix) : null;
    const byline = prefix && !outlet && trust !== DATE_TRUST.crawlHeader ? parseByline(prefix) : null;
    const boosted = byline || outlet ? DATE_TRUST.bylineOrLabel : trust;
    facts.dates.push({ date: found[0].date, trust: boosted });
    facts.creditOutlet ??= outlet;
    facts.byline ??= byline;
  }
  return facts;
}

function stripWeekday(prefix: string): string {
  const weekday = WEEKDAY.exec(prefix);
  const cut =
    weekday && prefix.length - (weekday.index + weekday[0].length) <= 3 ? prefix.slice(0, weekday.index) : prefix;
  return trimTrailing(cut, /[\s,|·•—–-]/u).trim();
}

// Only when the whole prefix is the outlet's name: "ANI" credits ANI, "Talks with ANI" does not.
function creditedOutlet(prefix: string): KnownOutlet | null {
  const outlet = findOutletByName(prefix);
  if (!outlet) return null;
  const names = [outlet.name, ...outlet.aliases].map((n) => n.toLowerCase());
  return names.includes(prefix.toLowerCase().replace(/^by\s+/i, "")) ? outlet : null;
}

/** The most trustworthy date; ties go to the earliest printed. */
export function bestDate(candidates: DatedCandidate[]): Date | null {
  let best: DatedCandidate | null = null;
  for (const candidate of candidates) if (!best || candidate.trust > best.trust) best = candidate;
  return best?.date ?? null;
}

// Named entities as extra features: runs of capitalised words ("Betty Ford Center", "Steve Witkoff") and dates
// ("May 3"). Two stories of the same kind (two earthquakes, two rehab check-ins) share their vocabulary but not
// their names, places and dates, so these are the features that keep such stories apart.
// Not an NLP library: compromise 14.17 took 5.7 ms per ECB+ article on the title and lead alone (the whole
// per-article budget at 2,000 articles/s is 0.5 ms; this extractor takes ~0.1 ms on a full body), and its spans
// were no cleaner on those articles ("rep" as a person, "Center." and "Friday.. The news" as organisations).
import { normaliseWord } from "./tokenize";

const month = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const monthNames: Record<string, string> = {
  january: "jan",
  february: "feb",
  march: "mar",
  april: "apr",
  may: "may",
  june: "jun",
  july: "jul",
  august: "aug",
  september: "sep",
  sept: "sep",
  october: "oct",
  november: "nov",
  december: "dec",
};
const monthStems = new Set(Object.keys(monthNames).map((m) => normaliseWord(m)));
// A date is a month name (or "Sept.", "Jan") then a day: "May 3", "March 12th". Found from the day: a regex
// that starts at a digit skips most of the text at once, where one that starts with twelve month alternatives
// is tried at every position.
const dayPattern = /(?<=\s)(\d{1,2})(?:st|nd|rd|th)?\b/g;
const monthBefore = new RegExp(`(?:^|[^A-Za-z0-9_])(${Object.keys(monthNames).join("|")}|(?:${month})\\.?)$`, "i");
const isSpace = /\s/;

function extractDates(text: string, out: string[]): void {
  for (const m of text.matchAll(dayPattern)) {
    let j = m.index;
    while (j > 0 && isSpace.test(text[j - 1])) j--;
    // Longest month name plus its period and the boundary character before it.
    const found = monthBefore.exec(text.slice(Math.max(0, j - 11), j));
    if (!found) continue;
    const name = found[1].toLowerCase().replace(/\.$/, "");
    out.push(`@${monthNames[name] ?? name.slice(0, 3)}-${Number(m[1])}`);
  }
}
// Capitalised words, optionally joined by a lower-case particle ("Bank of England"). A period only inside a word
// ("U.S"), so that "…on Friday. In Moscow…" does not become one name.
const word = "\\p{Lu}[\\p{L}\\p{M}’'-]*(?:\\.\\p{Lu}[\\p{L}\\p{M}]*)*";
const namePattern = new RegExp(`${word}(?:[ \\t]+(?:(?:of|de|la|du|van|von|bin|al|del|da|the)[ \\t]+)?${word})*`, "gu");
const multiWord = /\s/;
const sentenceEnd = /(?:^|[.!?:;"“”‘’'([\n|]|\s[-–—])\s*$/u;

/** Entity keys found in the text, one per occurrence. */
export function extractEntities(text: string): string[] {
  const out: string[] = [];
  extractDates(text, out);
  for (const m of text.matchAll(namePattern)) {
    // Most matches are one capitalised word at a sentence start: settled before any string work.
    if (!multiWord.test(m[0]) && sentenceEnd.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const terms = m[0]
      .split(/\s+/)
      .map((w) => normaliseWord(w.replace(/['’]s$/, "").toLowerCase()))
      .filter((t): t is string => t !== null && !(t in monthNames) && !monthStems.has(t));
    if (terms.length === 0) continue;
    // A lone capitalised word counts only away from a sentence start, where capitals mark names.
    const atStart = sentenceEnd.test(text.slice(Math.max(0, m.index - 3), m.index));
    if (terms.length === 1 && atStart) continue;
    out.push(`~${terms.join("_")}`);
  }
  return out;
}

/**
 * The names in a text as the clusterer keys them ("vladimir_putin") with their printed form ("Vladimir Putin"),
 * one per occurrence, including lone capitalised words at a sentence start (flagged): for labelling events.
 * Function words at either end of a run ("The Kremlin") are dropped.
 */
export function extractNames(text: string): { key: string; surface: string; atStart: boolean }[] {
  const out: { key: string; surface: string; atStart: boolean }[] = [];
  for (const m of text.matchAll(namePattern)) {
    const words = m[0].split(/\s+/).map((w) => w.replace(/['’]s$/, ""));
    const terms = words.map((w) => {
      const t = normaliseWord(w.toLowerCase());
      return t === null || t in monthNames || monthStems.has(t) ? null : t;
    });
    let first = terms.findIndex((t) => t !== null);
    if (first < 0) continue;
    let last = terms.length - 1;
    while (terms[last] === null) last--;
    const kept = terms.filter((t): t is string => t !== null);
    // A lone capitalised word at a sentence start may be any word: the caller decides (see extractEntities).
    const atStart = kept.length === 1 && sentenceEnd.test(text.slice(Math.max(0, m.index - 3), m.index));
    // A leading particle is not part of the name ("of" in "Of Moscow" at a heading).
    while (first < last && /^(?:of|de|la|du|van|von|bin|al|del|da|the)$/i.test(words[first])) first++;
    out.push({ key: kept.join("_"), surface: words.slice(first, last + 1).join(" "), atStart });
  }
  return out;
}

/** True for a headline in Title Case, where capitals mark every word rather than names. */
export function isTitleCase(title: string): boolean {
  const words = title.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length < 3) return false;
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length > 0.8;
}

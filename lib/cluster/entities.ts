// Named entities as extra features: runs of capitalised words ("Betty Ford Center", "Steve Witkoff") and dates
// ("May 3"). Two stories of the same kind (two earthquakes, two rehab check-ins) share their vocabulary but not
// their names, places and dates, so these are the features that keep such stories apart.
import { normaliseWord } from "./tokenize";

const month = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const monthNames: Record<string, string> = {
  january: "jan", february: "feb", march: "mar", april: "apr", may: "may", june: "jun", july: "jul",
  august: "aug", september: "sep", sept: "sep", october: "oct", november: "nov", december: "dec",
};
const monthStems = new Set(Object.keys(monthNames).map((m) => normaliseWord(m)));
const datePattern = new RegExp(
  `\\b(${Object.keys(monthNames).join("|")}|(?:${month})\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`,
  "giu",
);
// Capitalised words, optionally joined by a lower-case particle ("Bank of England"). A period only inside a word
// ("U.S"), so that "…on Friday. In Moscow…" does not become one name.
const word = "\\p{Lu}[\\p{L}\\p{M}’'-]*(?:\\.\\p{Lu}[\\p{L}\\p{M}]*)*";
const namePattern = new RegExp(`${word}(?:[ \\t]+(?:(?:of|de|la|du|van|von|bin|al|del|da|the)[ \\t]+)?${word})*`, "gu");
const sentenceEnd = /(?:^|[.!?:;"“”‘’'(\[\n|]|\s[-–—])\s*$/u;

/** Entity keys found in the text, one per occurrence. */
export function extractEntities(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(datePattern)) {
    const name = m[1].toLowerCase().replace(/\.$/, "");
    out.push(`@${monthNames[name] ?? name.slice(0, 3)}-${Number(m[2])}`);
  }
  for (const m of text.matchAll(namePattern)) {
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

/** True for a headline in Title Case, where capitals mark every word rather than names. */
export function isTitleCase(title: string): boolean {
  const words = title.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length < 3) return false;
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length > 0.8;
}

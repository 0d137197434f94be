// Display helpers shared by the event and article pages. Times are shown in UTC and say so: the server's
// zone is arbitrary and articles come from every zone, so only one fixed zone makes them comparable.

const dateFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * Extractors store a date printed without a time as midnight UTC; showing "00:00 UTC" would invent a time the
 * outlet never gave, so such values show as a day.
 */
export function isDateOnly(d: Date): boolean {
  return d.getTime() % 86_400_000 === 0;
}

/** "12 Mar 2024, 14:05 UTC", or "12 Mar 2024" for a date printed without a time. */
export function formatDateTime(d: Date): string {
  if (isDateOnly(d)) return dateFmt.format(d);
  return `${dateFmt.format(d)}, ${timeFmt.format(d)} UTC`;
}

/** "12 Mar 2024" */
export function formatDay(d: Date): string {
  return dateFmt.format(d);
}

/**
 * The two ends of a span as display text, the second null when they are the same moment:
 * ["12 Mar 2024, 09:10", "14:05 UTC"] within a UTC day, else two full dates.
 */
export function spanParts(first: Date, last: Date): [string, string | null] {
  if (last.getTime() <= first.getTime()) return [formatDateTime(first), null];
  if (isDateOnly(first) && isDateOnly(last)) return [formatDay(first), formatDay(last)];
  if (dateFmt.format(first) === dateFmt.format(last)) {
    return [`${dateFmt.format(first)}, ${timeFmt.format(first)}`, `${timeFmt.format(last)} UTC`];
  }
  return [formatDateTime(first), formatDateTime(last)];
}

/** "12 Mar 2024, 09:10–14:05 UTC" within a day, else "12 Mar 2024, 09:10 UTC – 14 Mar 2024, 18:00 UTC". */
export function formatSpan(first: Date, last: Date): string {
  const [from, to] = spanParts(first, last);
  if (to === null) return from;
  // A bare time range within one day reads as "09:10–14:05"; anything longer needs spaced dashes.
  return /^\d{2}:\d{2} UTC$/.test(to) ? `${from}–${to}` : `${from} – ${to}`;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** "UA" → "Ukraine"; anything that is not a region code is shown as stored. */
export function countryName(country: string | null): string | null {
  const c = country?.trim();
  if (!c) return null;
  if (!/^[A-Za-z]{2}$/.test(c)) return c;
  return regionNames.of(c.toUpperCase()) ?? c;
}

/** A BCP 47 tag fit for a `lang` attribute, or undefined; stored languages come from feeds and pages. */
export function langAttribute(language: string | null): string | undefined {
  const tag = language?.trim();
  if (!tag || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** "uk" → "Ukrainian"; null when unknown. */
export function languageName(language: string | null): string | null {
  const tag = langAttribute(language);
  if (!tag) return null;
  try {
    return languageNames.of(tag) ?? null;
  } catch {
    return null;
  }
}

/** The stored clean text's paragraphs (separated by blank lines), single newlines kept as spaces. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** "A, B and C"; the first `max` names, then "and N more". */
export function joinNames(names: readonly string[], max = Infinity): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

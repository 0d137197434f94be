// Dates as news pages print them, in the languages Parallax reads. Times without a zone are dropped: the
// outlet's zone is unknown, and a calendar date at 00:00Z is more honest than a guessed instant.

const MONTHS: Record<string, number> = {};
function addMonths(names: string[]) {
  names.forEach((name, i) => {
    for (const variant of name.split("|")) MONTHS[variant] = i + 1;
  });
}
addMonths([
  "january|jan",
  "february|feb",
  "march|mar",
  "april|apr",
  "may",
  "june|jun",
  "july|jul",
  "august|aug",
  "september|sep|sept",
  "october|oct",
  "november|nov",
  "december|dec",
]);
addMonths([
  "січня|січень",
  "лютого|лютий",
  "березня|березень",
  "квітня|квітень",
  "травня|травень",
  "червня|червень",
  "липня|липень",
  "серпня|серпень",
  "вересня|вересень",
  "жовтня|жовтень",
  "листопада|листопад",
  "грудня|грудень",
]);
addMonths([
  "января|январь",
  "февраля|февраль",
  "марта|март",
  "апреля|апрель",
  "мая|май",
  "июня|июнь",
  "июля|июль",
  "августа|август",
  "сентября|сентябрь",
  "октября|октябрь",
  "ноября|ноябрь",
  "декабря|декабрь",
]);
addMonths([
  "janvier|janv",
  "février|fevrier|févr",
  "mars",
  "avril|avr",
  "mai",
  "juin",
  "juillet|juil",
  "août|aout",
  "septembre",
  "octobre",
  "novembre",
  "décembre|decembre",
]);
addMonths([
  "januar|jänner",
  "februar",
  "märz|maerz",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober|okt",
  "november",
  "dezember|dez",
]);
addMonths([
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre|setiembre",
  "octubre",
  "noviembre",
  "diciembre",
]);

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_LETTER_AFTER = "(?![\\p{L}])";

export const WEEKDAY =
  /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понеділок|вівторок|середа|четвер|п'ятниця|п’ятниця|субота|неділя|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)/iu;

export interface FoundDate {
  date: Date;
  /** Offset of the match in the searched text, so callers can read what precedes it (a byline). */
  index: number;
  /** False for a datelined "Moscow, April 25:" that prints no year. */
  hasYear: boolean;
}

type Parser = { regex: RegExp; read: (m: RegExpExecArray) => [number | null, number, number] };

const PARSERS: Parser[] = [
  // 2025-04-25, 2025/04/25, 2025.04.25 (optionally with an ISO time and zone, handled below)
  { regex: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu, read: (m) => [+m[1], +m[2], +m[3]] },
  // 2025年4月26日
  { regex: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, read: (m) => [+m[1], +m[2], +m[3]] },
  // 25 April 2025, 25. April 2025, 25 de abril de 2025, 25 квітня 2025 р.
  {
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?${MONTH}${NOT_LETTER_AFTER},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
      "giu",
    ),
    read: (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]],
  },
  // April 26, 2025
  {
    regex: new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "giu"),
    read: (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]],
  },
  // 25.04.2025 (day first; slashes are left alone because US and European orders collide)
  { regex: /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/gu, read: (m) => [+m[3], +m[2], +m[1]] },
];

const YEARLESS = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${MONTH}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH})${NOT_LETTER_AFTER}`,
  "giu",
);

function utcDate(year: number, month: number, day: number): Date | null {
  if (!year || year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date : null;
}

/** Every full date (with a year) printed in a line, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, read } of PARSERS) {
    for (const m of text.matchAll(regex)) {
      const [year, month, day] = read(m as RegExpExecArray);
      const date = utcDate(year ?? 0, month, day);
      if (date && !found.some((f) => Math.abs(f.index - (m.index ?? 0)) < 3)) {
        found.push({ date: withIsoTime(text, m.index ?? 0, m[0], date), index: m.index ?? 0, hasYear: true });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// An ISO timestamp with an explicit zone ("2025-04-25T18:14:00+03:00") is an instant we can trust.
function withIsoTime(text: string, index: number, matched: string, date: Date): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/.exec(text.slice(index));
  if (iso && matched.length === 10) {
    const instant = new Date(iso[0]);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  return date;
}

/** A "Moscow, April 25:" style date without a year, completed with the given year. */
export function findYearlessDate(text: string, year: number): FoundDate | null {
  for (const m of text.matchAll(YEARLESS)) {
    const monthName = (m[1] ?? m[4]).toLowerCase();
    const day = +(m[2] ?? m[3]);
    const date = utcDate(year, MONTHS[monthName], day);
    if (date) return { date, index: m.index ?? 0, hasYear: false };
  }
  return null;
}

/** A date in a URL path: /2025-04-26/, /2025/04/26/, /20250426/. */
export function dateFromUrl(url: string): Date | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})(?=[/\-_.]|$)/.exec(path) ??
    /(?:^|\/)(20\d{2})(\d{2})(\d{2})(?=\/)/.exec(path);
  return m ? utcDate(+m[1], +m[2], +m[3]) : null;
}

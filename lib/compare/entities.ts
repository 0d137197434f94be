// People, places and organisations named in an event's articles, offline: runs of capitalised words classified
// by a small gazetteer (every country name from Intl, frequent news places and organisations), organisation
// words ("Ministry", "Fund") and titles ("President", "envoy") that announce a person. A lone surname counts as
// the person once the event names them in full somewhere ("Putin" after "Vladimir Putin").

import { quoteSpans } from "./quote-spans";

export type EntityType = "person" | "place" | "organisation";

export interface Mention {
  key: string;
  type: EntityType;
  /** The words as written, titles dropped. */
  name: string;
  start: number;
  end: number;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const places = new Map<string, string>(); // folded name → display name
(() => {
  const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = regions.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code && !/unknown/i.test(name)) places.set(fold(name), name);
    }
  }
  const extra = `Moscow Kyiv Kiev Washington London Paris Berlin Beijing Tehran Brussels Geneva Istanbul Ankara Jerusalem Gaza
    Crimea Donbas Donbass Donetsk Luhansk Kharkiv Odesa Odessa Dnipro Zaporizhzhia Kherson Pavlohrad Europe Asia Africa
    Minsk Warsaw Rome Madrid Tokyo Delhi Riyadh Doha Cairo Damascus Kabul Baghdad Beirut Caracas Havana Ottawa Canberra
    Seoul Taipei Hong_Kong New_Delhi New_York Middle_East Eastern_Europe Western_Europe Black_Sea Baltic_Sea Kursk
    Belgorod Sevastopol Mariupol Bakhmut Lviv Abu_Dhabi Dubai Jeddah Oman`;
  for (const p of extra.split(/\s+/).filter(Boolean)) places.set(fold(p.replace(/_/g, " ")), p.replace(/_/g, " "));
  const aliases: Record<string, string> = {
    us: "United States",
    usa: "United States",
    "u.s": "United States",
    "u.s.": "United States",
    "u.s.a": "United States",
    america: "United States",
    uk: "United Kingdom",
    "u.k": "United Kingdom",
    "u.k.": "United Kingdom",
    britain: "United Kingdom",
    "great britain": "United Kingdom",
    kiev: "Kyiv",
    odessa: "Odesa",
    donbass: "Donbas",
  };
  for (const [k, v] of Object.entries(aliases)) places.set(k, v);
})();

const organisations = new Map<string, string>(
  `Kremlin Reuters White_House Pentagon Truth_Social Congress Senate Duma CNN BBC CBS NBC ABC Fox_News NATO EU UN
  Pravda European_Pravda TASS Interfax Bloomberg Time_Magazine Hamas Hezbollah Taliban IAEA IMF WHO OPEC`
    .split(/\s+/)
    .filter(Boolean)
    .map((o) => [fold(o.replace(/_/g, " ")), o.replace(/_/g, " ")]),
);
const orgWords = new Set(
  `ministry fund news agency council committee parliament party bank union organization organisation university times
  post magazine network company corporation corp inc group army navy forces office department commission court
  institute foundation service services guard media press journal tribune herald radio television tv channel
  administration government alliance federation`.split(/\s+/),
);
// Words that introduce or describe a person and are not part of the name.
const titles = new Set(
  `president vice prime minister foreign secretary of state special envoy aide presidential former senior chief ceo
  general ambassador advisor adviser spokesman spokeswoman spokesperson leader mr mrs ms dr sen gov rep chancellor
  king queen pope premier deputy defence defense interior finance affairs commander lieutenant colonel sergeant
  captain justice judge mayor governor senator representative congressman congresswoman first lady the key kremlin
  russian ukrainian american us u.s. british french german chinese european iranian israeli said says`.split(/\s+/),
);
const notNames = new Set(
  `i a an the this that these those it its he she they we you his her their our my in on at as for but and or if so
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december quote details background source notably meanwhile however earlier later
  speaking according citing reader comments advertisement`.split(/\s+/),
);

// A capitalised word (hyphens and inner dots allowed: "U.S.", "Al-Assad"); "of (the)" may join two ("Bank of
// England"), a bare "the" may not ("told CNN the Ministry …").
const wordRe = "(?:\\p{Lu}\\.(?:\\p{Lu}\\.)+|\\p{Lu}[\\p{L}\\p{M}\\-]*)";
// Words of one name are separated by spaces only: a newline or a full stop ends it.
const spanRe = new RegExp(
  `${wordRe}(?:['’]s)?(?:[ \\t]+(?:(?:of(?:[ \\t]+the)?|de|al|bin|von|van)[ \\t]+)?${wordRe}(?:['’]s)?)*`,
  "gu",
);

/** The surname key of a person: folded, with transliteration doubles ("Zelenskyy", "Zelensky") made one. */
export function personKey(surname: string): string {
  return fold(surname)
    .replace(/['’]s$/, "")
    .replace(/yy$/, "y")
    .replace(/[^a-z\p{L}-]/gu, "");
}

export interface EntityIndex {
  /** Surname key → the fullest name seen. */
  people: Map<string, string>;
  /** Folded first name → surname key, for "Vladimir #Putin"-style splits. */
  firstNames: Map<string, string>;
}

/** Learns the people an event names in full, so lone surnames can be recognised in any of its articles. */
export function buildEntityIndex(texts: readonly string[]): EntityIndex {
  const people = new Map<string, string>();
  const firstNames = new Map<string, string>();
  for (const text of texts) {
    for (const m of rawSpans(text)) {
      const words = stripTitles(m.words);
      const full = words.join(" ");
      if (
        words.length >= 2 &&
        words.length <= 3 &&
        looksLikePersonName(words) &&
        !organisations.has(fold(full)) &&
        !places.has(fold(full))
      ) {
        const key = personKey(words[words.length - 1]);
        firstNames.set(fold(words[0]), key);
        const prev = people.get(key);
        if (!prev || full.length > prev.length) people.set(key, full);
      }
    }
  }
  return { people, firstNames };
}

interface RawSpan {
  words: string[];
  start: number;
  end: number;
  titled: boolean;
  atSentenceStart: boolean;
}

function rawSpans(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  for (const m of text.matchAll(spanRe)) {
    const raw = m[0].replace(/['’]s$/, "");
    const words = raw.split(/\s+/).map((w) => w.replace(/['’]s$/, ""));
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const atSentenceStart = m.index === 0 || /(?:[.!?:;"“”‘(\n]|\s[-–—•])\s*$/u.test(before);
    out.push({
      words,
      start: m.index,
      end: m.index + raw.length,
      titled: words.some((w) => titles.has(fold(w))),
      atSentenceStart,
    });
  }
  return out;
}

function stripTitles(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (titles.has(fold(words[i])) || places.has(fold(words[i])))) i++;
  return words.slice(i);
}

function looksLikePersonName(words: string[]): boolean {
  return words.every((w) => {
    const f = fold(w);
    return (
      /^\p{Lu}\p{Ll}/u.test(w) &&
      !places.has(f) &&
      !organisations.has(f) &&
      !orgWords.has(f) &&
      !notNames.has(f) &&
      !titles.has(f)
    );
  });
}

/** Every entity mention in a text, in order. */
export function findMentions(text: string, index: EntityIndex): Mention[] {
  const out: Mention[] = [];
  for (const span of rawSpans(text)) {
    const whole = span.words.join(" ");
    const f = fold(whole);
    if (places.has(f)) {
      out.push({
        key: `place:${fold(places.get(f)!)}`,
        type: "place",
        name: places.get(f)!,
        start: span.start,
        end: span.end,
      });
      continue;
    }
    if (organisations.has(f) || span.words.some((w) => orgWords.has(fold(w)))) {
      const name = organisations.get(f) ?? whole.replace(/^the\s+/i, "");
      if (!(span.words.length === 1 && notNames.has(f))) {
        out.push({ key: `organisation:${fold(name)}`, type: "organisation", name, start: span.start, end: span.end });
      }
      continue;
    }
    // A run such as "Russian President Vladimir Putin" or "Moscow Kremlin": strip the lead, then judge the rest.
    for (const word of span.words) {
      const p = places.get(fold(word));
      if (p && span.words.length > 1 && word === span.words[0] && !titles.has(fold(word))) {
        out.push({ key: `place:${fold(p)}`, type: "place", name: p, start: span.start, end: span.start + word.length });
      }
    }
    const words = stripTitles(span.words);
    if (words.length === 0) continue;
    const last = words[words.length - 1];
    const firstOf = words.length === 1 ? index.firstNames.get(fold(last)) : undefined;
    const key = firstOf ?? personKey(last);
    const known = index.people.get(key);
    if (
      words.length <= 3 &&
      looksLikePersonName(words) &&
      (known || words.length >= 2 || (span.titled && !span.atSentenceStart))
    ) {
      out.push({
        key: `person:${key}`,
        type: "person",
        name: known ?? words.join(" "),
        start: span.start,
        end: span.end,
      });
      continue;
    }
    // Acronyms are organisations, but not a word shouted inside a quotation ("Vladimir, STOP!").
    if (
      words.length === 1 &&
      /^\p{Lu}{2,6}$/u.test(words[0]) &&
      !notNames.has(fold(words[0])) &&
      !insideQuotation(text, span.start)
    ) {
      out.push({
        key: `organisation:${fold(words[0])}`,
        type: "organisation",
        name: words[0],
        start: span.start,
        end: span.end,
      });
    }
  }
  return out;
}

function insideQuotation(text: string, position: number): boolean {
  const paraStart = text.lastIndexOf("\n", position) + 1;
  const paraEnd = text.indexOf("\n", position);
  const para = text.slice(paraStart, paraEnd === -1 ? undefined : paraEnd);
  return quoteSpans(para).some((q) => position - paraStart > q.start && position - paraStart < q.end);
}

/** The person a pronoun or a description most likely refers to: the last person named before `position`. */
export function lastPersonBefore(mentions: readonly Mention[], position: number): Mention | null {
  let found: Mention | null = null;
  for (const m of mentions) if (m.type === "person" && m.end <= position) found = m;
  return found;
}

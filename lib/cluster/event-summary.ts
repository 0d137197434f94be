// An event's label beyond its headline: a short extractive summary of what most of its sources report, and the
// names most of them mention. Extractive on purpose: every sentence shown was printed by one of the outlets, so
// the summary cannot state anything no source said.
import { extractNames } from "./entities";
import { tokenize } from "./tokenize";

export interface SummaryArticle {
  id: string | number;
  title: string;
  text: string;
  publishedAt?: Date | null;
}

export interface SummaryOptions {
  /** Longest summary, in characters. */
  maxChars: number;
  maxSentences: number;
  maxEntities: number;
  /** Only the opening of each text is read: news puts the shared facts first; later paragraphs drift. */
  leadChars: number;
}

export const defaultSummaryOptions: SummaryOptions = {
  maxChars: 400,
  maxSentences: 3,
  maxEntities: 8,
  leadChars: 3000,
};

interface Sentence {
  text: string;
  article: number;
  position: number;
  terms: Set<string>;
  score: number;
}

const sentenceBreak = /(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})|\n+/u;
// A summary sentence is a finished statement of some length: not a nav line, caption, byline or heading.
const finished = /[.!?]["”’)]?$/u;
const minWords = 8;
const maxSentenceChars = 300;

function sentencesOf(text: string, leadChars: number): string[] {
  return text
    .slice(0, leadChars)
    .split(sentenceBreak)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length <= maxSentenceChars && finished.test(s) && s.split(" ").length >= minWords);
}

/** Sentences sharing the same terms as a picked one add nothing (syndicated copies repeat each other verbatim). */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared || 1) >= 0.5;
}

/**
 * The 2–3 sentences, from different articles, whose terms most members share, in reading order (earlier in their
 * article first, then by date); null when no article has a usable sentence.
 */
export function summarise(articles: SummaryArticle[], options: SummaryOptions = defaultSummaryOptions): string | null {
  const n = articles.length;
  // Per term: how many articles use it, title included.
  const df = new Map<string, number>();
  const sentences: Sentence[] = [];
  articles.forEach((a, article) => {
    const seen = new Set(tokenize(a.title));
    sentencesOf(a.text, options.leadChars).forEach((text, position) => {
      const terms = new Set(tokenize(text));
      if (terms.size < 4) return;
      for (const t of terms) seen.add(t);
      sentences.push({ text, article, position, terms, score: 0 });
    });
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  });
  for (const s of sentences) {
    // Share of the *other* articles using each term: a sentence scores by what it has in common, not by length
    // (the square root) and the lead outranks the background paragraphs (the position factor).
    let shared = 0;
    for (const t of s.terms) shared += n > 1 ? (df.get(t)! - 1) / (n - 1) : 1;
    s.score = shared / Math.sqrt(s.terms.size) / (1 + 0.15 * s.position);
  }
  const ranked = [...sentences].sort((a, b) => b.score - a.score || a.article - b.article || a.position - b.position);
  const picked: Sentence[] = [];
  const used = new Set<number>();
  let chars = 0;
  for (const s of ranked) {
    if (picked.length >= options.maxSentences) break;
    // Well below the best, a sentence is one outlet's own detail rather than what the sources share.
    if (s.score < 0.5 * ranked[0].score) break;
    if ((n > 1 && used.has(s.article)) || picked.some((p) => overlaps(p.terms, s.terms))) continue;
    if (picked.length && chars + 1 + s.text.length > options.maxChars) continue;
    picked.push(s);
    used.add(s.article);
    chars += (picked.length > 1 ? 1 : 0) + s.text.length;
  }
  if (!picked.length) return null;
  const time = (i: number) => articles[i].publishedAt?.getTime() ?? 0;
  picked.sort((a, b) => a.position - b.position || time(a.article) - time(b.article) || a.article - b.article);
  const text = picked.map((s) => s.text).join(" ");
  return text.length <= options.maxChars ? text : `${text.slice(0, text.lastIndexOf(" ", options.maxChars - 1))}…`;
}

// Words that precede a name without being part of it ("Russian President Vladimir Putin", "US envoy Steve Witkoff").
const titleWords = new Set(
  `president prime minister foreign defence defense finance secretary general special envoy aide adviser advisor
  chancellor chief senator sen rep gov governor mayor king queen prince princess pope judge justice speaker leader
  ceo chairman chairwoman director spokesman spokeswoman spokesperson officer commander col lt gen sgt mr mrs ms dr
  sir lord former deputy vice acting state us u.s uk u.k eu un`.split(/\s+/),
);
const demonym = /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|i)$/u;

/** The printed name without the titles before it. */
function bareName(surface: string): string {
  const words = surface.split(" ");
  let i = 0;
  while (
    i < words.length - 1 &&
    (titleWords.has(words[i].toLowerCase()) || (demonym.test(words[i]) && titleWords.has(words[i + 1].toLowerCase())))
  )
    i++;
  return words.slice(i).join(" ");
}

/**
 * The names most members mention, most articles first. Names are grouped by their last word, so that "Putin",
 * "Vladimir Putin" and "Russian President Vladimir Putin" are one entry, shown as the commonest full form without
 * titles; lone nationality adjectives ("Russian") are not names of anything.
 */
export function keyEntities(articles: SummaryArticle[], options: SummaryOptions = defaultSummaryOptions): string[] {
  const found = articles.map((a) => [...extractNames(a.title), ...extractNames(a.text.slice(0, options.leadChars))]);
  // "Porto closed…" names Porto only if the event's articles also print it where capitals mark names.
  const named = new Set(
    found
      .flat()
      .filter((x) => !x.atStart)
      .map((x) => x.key),
  );
  const articlesFor = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const names of found) {
    const groups = new Set<string>();
    for (const { key, surface, atStart } of names) {
      if (atStart && !named.has(key)) continue;
      const name = bareName(surface);
      if (!name.includes(" ") && demonym.test(name)) continue;
      const group = key.slice(key.lastIndexOf("_") + 1);
      groups.add(group);
      const s = surfaces.get(group) ?? new Map<string, number>();
      s.set(name, (s.get(name) ?? 0) + 1);
      surfaces.set(group, s);
    }
    for (const g of groups) articlesFor.set(g, (articlesFor.get(g) ?? 0) + 1);
  }
  // The full form is preferred to the surname alone even when the surname is printed more often.
  const display = (forms: Map<string, number>) =>
    [...forms].sort(
      (a, b) => Number(b[0].includes(" ")) - Number(a[0].includes(" ")) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0][0];
  // In an event of several articles, a name one article mentions is that article's detail, not the event's.
  // Ties go to the name printed most often.
  const min = Math.min(2, articles.length);
  const mentions = (g: string) => [...surfaces.get(g)!.values()].reduce((x, y) => x + y, 0);
  return [...articlesFor]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || mentions(b[0]) - mentions(a[0]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxEntities)
    .map(([g]) => display(surfaces.get(g)!));
}

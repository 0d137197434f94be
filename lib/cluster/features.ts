// Article → ArticleFeatures: a section-weighted bag of stemmed terms plus named entities, unit length, rounded so
// that features read back from the database compare exactly like freshly computed ones.
import { extractEntities, isTitleCase } from "./entities";
import { termId, termNames, rememberTermVector, type TermVector } from "./term-ids";
import { termIdsUpTo } from "./tokenize";
import type { ArticleFeatures, ClusterArticle } from "./types";
import { grownTo } from "./grown";

// 2: entities come from the same capped body as the words, as printed (a paragraph break ends a name); keys in
// order of first appearance. 1 read entities from the whole body, re-joined into one line.
export const featuresVersion = 2;

export interface FeatureOptions {
  /** The headline states the event; it counts this many times a body word. */
  titleWeight: number;
  /** The first sentences (who, what, where) count this much. */
  leadWeight: number;
  bodyWeight: number;
  leadSentences: number;
  /** Later paragraphs drift into background and related stories; words past this cap are ignored. */
  maxBodyWords: number;
  /** Weight of a named-entity feature relative to a word in the same section (0 disables entities). */
  entityWeight: number;
  /** Weight of adjacent-term pairs ("harri_winston", "ram_raid") from the title and lead (0 disables). */
  bigramWeight: number;
}

export const defaultFeatureOptions: FeatureOptions = {
  titleWeight: 3,
  leadWeight: 2,
  bodyWeight: 1,
  leadSentences: 2,
  maxBodyWords: 400,
  entityWeight: 1,
  bigramWeight: 0,
};

/** Far more text than `maxBodyWords` terms ever take: the cap only bounds the cost of pathological inputs. */
const maxTextChars = 30_000;

const sentenceBreak = /(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})|\n+/gu;

/**
 * Splits a body into its lead (first sentences, joined by spaces) and the rest (as printed). Only the lead's
 * sentence breaks are searched for: splitting a whole long text into sentences to join most of them again was
 * a good part of the feature time.
 */
export function splitLead(text: string, sentences: number): { lead: string; body: string } {
  const t = text.trim();
  const lead: string[] = [];
  let pos = 0;
  while (lead.length < sentences && pos < t.length) {
    sentenceBreak.lastIndex = pos;
    const m = sentenceBreak.exec(t);
    const end = m ? m.index : t.length;
    if (t.slice(pos, end).trim()) lead.push(t.slice(pos, end));
    pos = m ? end + m[0].length : t.length;
  }
  return { lead: lead.join(" "), body: t.slice(pos) };
}

/**
 * Per term, its occurrence count in each section. Terms come as process-wide ids (term-ids.ts) and find their row
 * through a dense array (id → row + 1), where a Map keyed by the term string cost a hash lookup per word. Sections
 * are added in a fixed order, so rows are in order of first appearance. Counts lie in one flat array
 * (row × section), where an array per term cost an allocation per distinct term.
 */
class SectionCounts {
  private readonly terms: number[] = [];
  private counts = new Int32Array(256 * maxSections);
  private readonly weights: number[] = [];

  section(weight: number): number {
    if (this.weights.length === maxSections) throw new Error(`more than ${maxSections} feature sections`);
    this.weights.push(weight);
    return this.weights.length - 1;
  }

  add(ids: ArrayLike<number>, section: number): void {
    rowOf = grownTo(rowOf, termNames.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      let i = rowOf[id] - 1;
      if (i < 0) {
        i = this.terms.length;
        this.terms.push(id);
        rowOf[id] = i + 1;
        this.counts = grownTo(this.counts, (i + 1) * maxSections);
      }
      this.counts[i * maxSections + section]++;
    }
  }

  /**
   * Section-weighted, sublinear per section (a word repeated ten times is not ten times as telling), then scaled
   * to unit length and rounded, as the record and as ids. Keys in order of first appearance (title, lead, body,
   * entities): the same article always serialises to the same JSON, without sorting hundreds of strings per
   * article. No term is an integer-like string (numbers are "#…"), so the record iterates in that order too.
   */
  unitRounded(): { record: Record<string, number>; vector: TermVector } {
    const n = this.terms.length;
    const weighted = new Float64Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let w = 0;
      for (let s = 0; s < this.weights.length; s++) {
        const c = this.counts[i * maxSections + s];
        if (c) w += this.weights[s] * (1 + Math.log(c));
      }
      weighted[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    // A dictionary from the start: a literal's first ~128 keys each build a hidden class (the keys differ in every
    // article) before it turns into one. 25 against 45 µs an article for the synthetic stream's, same process.
    const record: Record<string, number> = Object.create(null);
    const ids = new Int32Array(n);
    const ws = new Float64Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.round((weighted[i] / norm) * 1e5) / 1e5;
      if (!(w > 0)) continue;
      record[termNames[this.terms[i]]] = w;
      ids[kept] = this.terms[i];
      ws[kept++] = w;
    }
    return { record, vector: { ids: ids.subarray(0, kept), w: ws.subarray(0, kept) } };
  }

  /** Frees the rows (shared by all articles) for the next article. */
  release(): void {
    for (const id of this.terms) rowOf[id] = 0;
  }
}

// Term id → its row + 1 in the article being counted (0: none yet); cleared as each article is finished.
let rowOf = new Int32Array(1 << 16);

const ids = (terms: string[]) => terms.map(termId);

/** Title, lead, body, their two bigram sections and three entity sections. */
const maxSections = 8;

/** Computes the features the clusterer compares; JSON-serialisable. */
export function articleFeatures(
  article: Pick<ClusterArticle, "title" | "text" | "source">,
  options: FeatureOptions = defaultFeatureOptions,
): ArticleFeatures {
  const counts = new SectionCounts();
  try {
    return countedFeatures(article, options, counts);
  } finally {
    counts.release();
  }
}

/** The features of one article, counted into `counts` (whose rows the caller frees, whatever happens). */
function countedFeatures(
  article: Pick<ClusterArticle, "title" | "text" | "source">,
  options: FeatureOptions,
  counts: SectionCounts,
): ArticleFeatures {
  // Only the opening of a very long text can matter (see `maxBodyWords`); splitting all of it is wasted work.
  const { lead, body: fullBody } = splitLead(article.text.slice(0, maxTextChars), options.leadSentences);
  const { ids: bodyTerms, end } = termIdsUpTo(fullBody, options.maxBodyWords);
  // Names and dates past the words kept are background too, and scanning them cost as much as the words.
  const body = fullBody.slice(0, end);
  const titleTerms = termIdsUpTo(article.title, Infinity).ids;
  const leadTerms = termIdsUpTo(lead, Infinity).ids;
  counts.add(titleTerms, counts.section(options.titleWeight));
  counts.add(leadTerms, counts.section(options.leadWeight));
  if (options.bigramWeight > 0) {
    counts.add(bigrams(titleTerms), counts.section(options.titleWeight * options.bigramWeight));
    counts.add(bigrams(leadTerms), counts.section(options.leadWeight * options.bigramWeight));
  }
  counts.add(bodyTerms, counts.section(options.bodyWeight));
  if (options.entityWeight > 0) {
    const e = options.entityWeight;
    if (!isTitleCase(article.title))
      counts.add(ids(extractEntities(article.title)), counts.section(options.titleWeight * e));
    counts.add(ids(extractEntities(lead)), counts.section(options.leadWeight * e));
    counts.add(ids(extractEntities(body)), counts.section(options.bodyWeight * e));
  }
  const { record, vector } = counts.unitRounded();
  const f: ArticleFeatures = { v: featuresVersion, terms: record, source: article.source ?? null };
  rememberTermVector(f, vector);
  return f;
}

const bigrams = (terms: number[]) => terms.slice(1).map((t, i) => termId(`${termNames[terms[i]]}+${termNames[t]}`));

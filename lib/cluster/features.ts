// Article → ArticleFeatures: a section-weighted bag of stemmed terms plus named entities, unit length, rounded so
// that features read back from the database compare exactly like freshly computed ones.
import { extractEntities, isTitleCase } from "./entities";
import { tokenize } from "./tokenize";
import type { ArticleFeatures, ClusterArticle } from "./types";

export const featuresVersion = 1;

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

const sentenceBreak = /(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})|\n+/u;

/** Splits a body into its lead (first sentences) and the rest. */
export function splitLead(text: string, sentences: number): { lead: string; body: string } {
  const parts = text.trim().split(sentenceBreak).filter((s) => s.trim());
  return { lead: parts.slice(0, sentences).join(" "), body: parts.slice(sentences).join(" ") };
}

/** Computes the features the clusterer compares; JSON-serialisable. */
export function articleFeatures(
  article: Pick<ClusterArticle, "title" | "text" | "source">,
  options: FeatureOptions = defaultFeatureOptions,
): ArticleFeatures {
  const weights = new Map<string, number>();
  const addSection = (terms: string[], weight: number) => {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    // Sublinear per section: a word repeated ten times is not ten times as telling.
    for (const [t, c] of counts) weights.set(t, (weights.get(t) ?? 0) + weight * (1 + Math.log(c)));
  };
  const { lead, body } = splitLead(article.text, options.leadSentences);
  const bodyTerms = tokenize(body).slice(0, options.maxBodyWords);
  const titleTerms = tokenize(article.title);
  const leadTerms = tokenize(lead);
  addSection(titleTerms, options.titleWeight);
  addSection(leadTerms, options.leadWeight);
  if (options.bigramWeight > 0) {
    addSection(bigrams(titleTerms), options.titleWeight * options.bigramWeight);
    addSection(bigrams(leadTerms), options.leadWeight * options.bigramWeight);
  }
  addSection(bodyTerms, options.bodyWeight);
  if (options.entityWeight > 0) {
    const e = options.entityWeight;
    if (!isTitleCase(article.title)) addSection(extractEntities(article.title), options.titleWeight * e);
    addSection(extractEntities(lead), options.leadWeight * e);
    addSection(extractEntities(body), options.bodyWeight * e);
  }
  return { v: featuresVersion, terms: unitRounded(weights), source: article.source ?? null };
}

const bigrams = (terms: string[]) => terms.slice(1).map((t, i) => `${terms[i]}+${t}`);

function unitRounded(weights: Map<string, number>): Record<string, number> {
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const out: Record<string, number> = {};
  // Sorted keys: the same article always serialises to the same JSON.
  for (const t of [...weights.keys()].sort()) {
    const w = Math.round((weights.get(t)! / norm) * 1e5) / 1e5;
    if (w > 0) out[t] = w;
  }
  return out;
}

// Comparable terms of a sentence or quote: the clusterer's stemmed, stop-word-free tokens, so that "talks" meets
// "talked" and "recognising" meets "recognition"'s stem family where Porter allows. A few newswire synonyms are
// folded together because outlets paraphrase the same statement with them.
import { tokenize } from "@/lib/cluster/tokenize";

const synonyms: Record<string, string> = {
  negoti: "talk",
  discuss: "talk",
  convers: "talk",
  dialogu: "talk",
  hour: "hour",
  recognis: "recogn",
  recogniz: "recogn",
  recognit: "recogn",
  kiev: "kyiv",
  zelenskyi: "zelenski",
  yuri: "yuri",
  yury: "yuri",
  sergei: "sergei",
  sergey: "sergei",
  america: "usa",
  american: "usa",
  washington: "usa",
};

export function canonicalTerm(term: string): string {
  return synonyms[term] ?? term;
}

/** The terms of a text, in order, synonyms folded. */
export function contentTerms(text: string): string[] {
  // "US" is the pronoun "us" to the tokenizer, which drops it as a stop word.
  return tokenize(text.replace(/\b(?:U\.S\.(?:A\.)?|US|USA|United States(?: of America)?)(?![\p{L}.])/gu, "USA")).map(
    canonicalTerm,
  );
}

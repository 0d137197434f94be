// The quote tracker: quotations ("…", “…”) and reported speech ("X said that …") with their speaker, grouped
// across outlets when they render one statement (translations and paraphrases differ in wording, so the test is
// the overlap of content words), each variant diffed word by word against the group's reference wording.
import { diffWords } from "diff";
import { findMentions, lastPersonBefore, type EntityIndex, type Mention } from "./entities";
import { centralMember, groupItems } from "./group";
import { quoteSpans } from "./quote-spans";
import type { DiffPart, QuoteGroup } from "./schema";
import { splitParagraph, splitParagraphs } from "./sentences";
import { contentTerms } from "./terms";

export interface Quote {
  articleId: number;
  outletKey: string;
  sentenceIndex: number;
  text: string;
  speaker: string | null;
  /** True for reported speech ("said that …") rather than a quotation. */
  reported: boolean;
}

const speechVerb =
  "said|says|told|tells|added|adds|stated|states|noted|wrote|writes|posted|explained|insisted|warned|argued|continued|declared|quoted|stressed|emphasi[sz]ed|according to|described|called|contended|claimed";
const verbAfter = new RegExp(`^[\\s,.!?—–-]*(.{0,90}?)\\b(${speechVerb})\\b(.{0,60})`, "u");
const verbBefore = new RegExp(`^(?:[^"“”]*?:\\s)?([^"“”:]{0,90}?)\\b(${speechVerb})\\b.{0,200}$`, "u");
const pronoun = /^(?:he|she|they|him|her|them)$/i;
// "a key Putin aide", "Putin's advisor": a name used to describe someone else; "the Trump administration": a body.
const roleNouns =
  /^(?:['’]s\b|\s+(?:aide|aides|envoy|adviser|advisor|administration|spokesman|spokeswoman|spokesperson|government|team|ally|allies|officials?|camp|regime)\b)/i;
const bodyNouns = /^(?:['’]s)?\s+(?:administration|government|team|officials|camp|regime)\b/i;

/** Minimum content words for a quotation to be tracked: "constructive" alone is a scare quote, not a statement. */
const MIN_QUOTE_TERMS = 3;

export function extractQuotes(article: { id: number; outletKey: string; text: string }, index: EntityIndex): Quote[] {
  const out: Quote[] = [];
  const text = splitParagraphs(article.text).join("\n\n");
  const mentions = findMentions(text, index);
  // The subject of each sentence, approximated as its first person named other than as a description: the
  // referent of a later "he said".
  const subjects: Mention[] = [];
  let pos = 0;
  for (const para of text.split("\n\n")) {
    for (const s of splitParagraph(para)) {
      const start = text.indexOf(s, pos);
      const first = mentions.find(
        (m) =>
          m.type === "person" && m.start >= start && m.end <= start + s.length && !roleNouns.test(text.slice(m.end)),
      );
      if (first) subjects.push(first);
      pos = start + s.length;
    }
  }
  let lastSpeaker: string | null = null;
  let offset = 0;
  let sentenceIndex = 0;
  for (const para of text.split("\n\n")) {
    const sentences = splitParagraph(para);
    const starts: number[] = [];
    let from = 0;
    for (const s of sentences) {
      const at = para.indexOf(s, from);
      starts.push(at);
      from = at + s.length;
    }
    const sentenceAt = (pos: number) => {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= pos) k++;
      return k;
    };
    const spans = quoteSpans(para);
    const resolve = (phrase: string, phraseStart: number): string | null => {
      const named = mentions.find(
        (m) => m.type === "person" && m.start >= phraseStart && m.end <= phraseStart + phrase.length,
      );
      if (named && !roleNouns.test(text.slice(named.end))) return named.name;
      if (named && bodyNouns.test(text.slice(named.end))) return null;
      const words = phrase.trim().split(/\s+/);
      if (words.length <= 8 && (words.some((w) => pronoun.test(w)) || named)) {
        return subjectBefore(subjects, phraseStart, lastSpeaker);
      }
      return null;
    };
    for (const span of spans) {
      const inner = span.inner.trim().replace(/[,;:]$/, "");
      if (contentTerms(inner).length < MIN_QUOTE_TERMS) continue;
      const k = sentenceAt(span.start);
      const sentenceEnd = k + 1 < starts.length ? starts[k + 1] : para.length;
      const nextQuote = spans.find((s) => s.start > span.end)?.start ?? para.length;
      const after = para.slice(span.end + 1, Math.min(sentenceEnd, nextQuote));
      let speaker: string | null = null;
      const a = verbAfter.exec(after);
      if (a) {
        const phraseStart = offset + span.end + 1 + after.indexOf(a[1]);
        speaker = resolve(a[1], phraseStart) ?? resolve(a[3], phraseStart + a[1].length + a[2].length);
      }
      if (!speaker) {
        const before = para.slice(starts[k], span.start);
        const b = verbBefore.exec(before);
        if (b) speaker = resolve(b[1], offset + starts[k] + before.indexOf(b[1]));
        // "Quote: …" and bare quotations continue the last attributed speaker.
        else if (/^\s*(?:quote:)?\s*$/i.test(before)) speaker = lastSpeaker;
      }
      if (speaker) lastSpeaker = speaker;
      out.push({
        articleId: article.id,
        outletKey: article.outletKey,
        sentenceIndex: sentenceIndex + k,
        text: inner,
        speaker,
        reported: false,
      });
    }
    sentences.forEach((s, k) => {
      if (/["“”]/.test(s)) return;
      const m = new RegExp(`^(.{0,90}?)\\b(?:${speechVerb})\\s+that\\s+(.+?)[.!?]?$`, "u").exec(s);
      if (!m || contentTerms(m[2]).length < MIN_QUOTE_TERMS) return;
      const speaker = resolve(m[1], offset + starts[k]);
      if (speaker) lastSpeaker = speaker;
      out.push({
        articleId: article.id,
        outletKey: article.outletKey,
        sentenceIndex: sentenceIndex + k,
        text: m[2],
        speaker,
        reported: true,
      });
    });
    offset += para.length + 2;
    sentenceIndex += sentences.length;
  }
  return out.sort((x, y) => x.sentenceIndex - y.sentenceIndex);
}

function subjectBefore(subjects: readonly Mention[], position: number, lastSpeaker: string | null): string | null {
  return lastPersonBefore(subjects, position)?.name ?? lastSpeaker;
}

/** Share of the smaller quote's content words that the other one also has. */
export function quoteOverlap(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  return common / Math.min(sa.size, sb.size);
}

export const QUOTE_OVERLAP = 0.5;

/** Groups quotes across outlets: one per article, similar wording, and no two different named speakers. */
export function groupQuotes(quotes: readonly Quote[]): QuoteGroup[] {
  const terms = quotes.map((q) => contentTerms(q.text));
  const compatible = (i: number, j: number) =>
    !quotes[i].speaker || !quotes[j].speaker || quotes[i].speaker === quotes[j].speaker;
  const sim = (i: number, j: number) => (compatible(i, j) ? quoteOverlap(terms[i], terms[j]) : 0);
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      if (quotes[i].articleId === quotes[j].articleId) continue;
      const similarity = sim(i, j);
      if (similarity >= QUOTE_OVERLAP) pairs.push({ i, j, similarity });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || a.i - b.i || a.j - b.j);
  const clusters = groupItems(quotes, pairs, sim, QUOTE_OVERLAP * 0.8);
  const groups = clusters.map((members): QuoteGroup => {
    // Direct quotations are the better reference than reported speech.
    const direct = members.filter((k) => !quotes[k].reported);
    const ref = quotes[centralMember(direct.length > 0 ? direct : members, sim)];
    const speakers = members.map((k) => quotes[k].speaker).filter((s): s is string => s !== null);
    return {
      id: `q${ref.articleId}-${ref.sentenceIndex}`,
      speaker: mostCommon(speakers),
      text: ref.text,
      outletCount: new Set(members.map((k) => quotes[k].outletKey)).size,
      variants: members.map((k) => ({
        articleId: quotes[k].articleId,
        sentenceIndex: quotes[k].sentenceIndex,
        text: quotes[k].text,
        speaker: quotes[k].speaker,
        diff: wordDiff(ref.text, quotes[k].text),
      })),
    };
  });
  return groups.sort(
    (a, b) => b.outletCount - a.outletCount || b.variants.length - a.variants.length || a.id.localeCompare(b.id),
  );
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/** Word-level diff from `from` to `to`, case and spacing differences ignored. */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWords(from, to, { ignoreCase: true }).map((c) => ({
    op: c.added ? "ins" : c.removed ? "del" : "same",
    text: c.value,
  }));
}

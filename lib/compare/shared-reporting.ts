// Which claims several outlets report and which only one does: sentences of different articles are grouped when
// their TF-IDF cosine says they report the same thing, one sentence per article per group.
import { centralMember, groupItems } from "./group";
import type { SharedGroup } from "./schema";
import type { Sentence } from "./sentences";
import { buildVectors, cosine, similarPairs } from "./similarity";
import { contentTerms } from "./terms";

export interface SentenceSource {
  id: number;
  outletKey: string;
  sentences: Sentence[];
}

export interface SharedReporting {
  /** Groups spanning at least two outlets, most widely reported first. */
  groups: SharedGroup[];
  /** Per article, per sentence: its shared group id (or null) and whether it is a claim only this outlet made. */
  marks: Map<number, { groupId: string | null; unique: boolean }[]>;
}

/** Pairs below this cosine are never joined; groups join while their average similarity stays above the second. */
export const PAIR_THRESHOLD = 0.3;
export const GROUP_THRESHOLD = 0.22;
/** A sentence with fewer content words is a fragment ("Background:"), never a claim. */
const MIN_CLAIM_TERMS = 4;

export function findSharedReporting(articles: readonly SentenceSource[]): SharedReporting {
  const items = articles.flatMap((a) =>
    a.sentences.map((s) => ({ articleId: a.id, outletKey: a.outletKey, sentence: s })),
  );
  const substantive = items.map((it) => contentTerms(it.sentence.text).length >= MIN_CLAIM_TERMS);
  const space = buildVectors(items.map((it) => it.sentence.text));
  const sim = (i: number, j: number) => cosine(space.vectors[i], space.vectors[j]);
  const pairs = similarPairs(
    space,
    PAIR_THRESHOLD,
    (i, j) => items[i].outletKey !== items[j].outletKey && substantive[i] && substantive[j],
  );
  const clusters = groupItems(items, pairs, sim, GROUP_THRESHOLD);

  const groups: SharedGroup[] = [];
  const groupOf = new Map<number, string>();
  for (const members of clusters) {
    const outletKeys = [...new Set(members.map((k) => items[k].outletKey))].sort();
    if (outletKeys.length < 2) continue;
    const central = centralMember(members, sim);
    const id = `s${items[central].articleId}-${items[central].sentence.index}`;
    for (const k of members) groupOf.set(k, id);
    groups.push({
      id,
      label: items[central].sentence.text,
      outletCount: outletKeys.length,
      outletKeys,
      sentences: members.map((k) => ({
        articleId: items[k].articleId,
        index: items[k].sentence.index,
        text: items[k].sentence.text,
      })),
    });
  }
  // Most widely reported first; among equals, the order in which the earliest article tells them.
  const firstPosition = (g: SharedGroup) => Math.min(...g.sentences.map((s) => s.index));
  groups.sort(
    (a, b) => b.outletCount - a.outletCount || firstPosition(a) - firstPosition(b) || a.id.localeCompare(b.id),
  );

  const marks = new Map<number, { groupId: string | null; unique: boolean }[]>();
  items.forEach((it, k) => {
    const list = marks.get(it.articleId) ?? [];
    const groupId = groupOf.get(k) ?? null;
    list[it.sentence.index] = { groupId, unique: groupId === null && substantive[k] };
    marks.set(it.articleId, list);
  });
  return { groups, marks };
}

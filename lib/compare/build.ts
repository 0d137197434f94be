// buildComparison: everything the event page compares, computed from the articles alone (no network, no model),
// deterministic for the same input so the cached JSON only changes when the articles do.
import { cutText } from "@/lib/text/cut-text";
import { computeCoverage, outletOf } from "./coverage";
import { buildEntityIndex, findMentions } from "./entities";
import { compareHeadlines } from "./headlines";
import { extractQuotes, groupQuotes } from "./quotes";
import {
  COMPARISON_FORMAT,
  type CompareInput,
  type Comparison,
  type Entity,
  type Outlet,
  type SyndicatedCopy,
} from "./schema";
import { splitSentences } from "./sentences";
import { findSharedReporting } from "./shared-reporting";

/**
 * Characters of each article the comparison reads. Its cost and its JSON (every sentence of every member, which the
 * event page renders) grow with the text: one 9.5 MB article made a 25–99 MB page and threw "Set maximum size
 * exceeded". 50,000 characters hold any news report, long reads included; articles stored before the store capped
 * them (lib/articles/cap-article.ts) can be far longer.
 */
export const MAX_COMPARE_TEXT_CHARS = 50_000;

/** Entities named by fewer outlets and fewer times than this are left out of the table as noise. */
const MIN_ENTITY_MENTIONS = 2;

/**
 * Splits the event's articles into independent reports and syndicated copies of one of them. A copy whose
 * original is not in the event is the event's only version of that text, so here it counts as a report.
 */
export function splitCopies<T extends { id: number; duplicateOfId?: number | null }>(
  articles: readonly T[],
): { originals: T[]; copies: (T & { originalId: number })[] } {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const rootOf = (a: T): number => {
    // duplicateOfId always names an original (a star, not a chain); following it anyway costs nothing and
    // survives rows written before that rule, with a bound against a cycle.
    let current = a;
    for (let hop = 0; hop < 8; hop++) {
      const next = current.duplicateOfId == null ? undefined : byId.get(current.duplicateOfId);
      if (!next || next.id === a.id) break;
      current = next;
    }
    return current.id;
  };
  const originals: T[] = [];
  const copies: (T & { originalId: number })[] = [];
  for (const a of articles) {
    const root = rootOf(a);
    if (root === a.id) originals.push(a);
    else copies.push({ ...a, originalId: root });
  }
  return { originals, copies };
}

export function buildComparison(input: readonly CompareInput[]): Comparison {
  const all = input
    .map((a) => (a.text.length > MAX_COMPARE_TEXT_CHARS ? { ...a, text: cutText(a.text, MAX_COMPARE_TEXT_CHARS) } : a))
    .sort((a, b) => a.id - b.id);
  const outletByKey = new Map<string, Outlet>();
  for (const a of all) {
    const o = outletOf(a);
    if (!outletByKey.has(o.key)) outletByKey.set(o.key, o);
  }
  const outlets = [...outletByKey.values()].sort(
    (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.key.localeCompare(b.key),
  );
  // Copies repeat their original word for word: counted again they would inflate every "reported by" and every
  // quote and entity count, so only independent reports are compared; copies are listed with their original.
  const { originals: articles, copies: copyRows } = splitCopies(all);
  const copies: SyndicatedCopy[] = copyRows.map((c) => ({
    id: c.id,
    originalId: c.originalId,
    outletKey: outletOf(c).key,
    title: c.title,
    publishedAt: c.publishedAt?.toISOString() ?? null,
  }));
  const sources = articles.map((a) => ({ id: a.id, outletKey: outletOf(a).key, sentences: splitSentences(a.text) }));
  const { groups, marks } = findSharedReporting(sources);

  const index = buildEntityIndex(articles.map((a) => `${a.title}\n\n${a.text}`));
  const quotes = groupQuotes(
    sources.flatMap((s, i) => extractQuotes({ id: s.id, outletKey: s.outletKey, text: articles[i].text }, index)),
  );

  return {
    format: COMPARISON_FORMAT,
    outletCount: outlets.length,
    reportingOutletCount: new Set(articles.map((a) => outletOf(a).key)).size,
    outlets,
    articles: sources.map((s, i) => ({
      id: s.id,
      outletKey: s.outletKey,
      title: articles[i].title,
      publishedAt: articles[i].publishedAt?.toISOString() ?? null,
      sentences: s.sentences.map((sentence) => ({ ...sentence, ...marks.get(s.id)![sentence.index] })),
    })),
    copies,
    shared: groups,
    quotes,
    headlines: compareHeadlines(articles.map((a) => ({ articleId: a.id, title: a.title }))),
    // Coverage is about who covered the event and when: copies included.
    coverage: computeCoverage(all, outlets),
    entities: countEntities(articles, index),
  };
}

function countEntities(articles: readonly CompareInput[], index: ReturnType<typeof buildEntityIndex>): Entity[] {
  const byKey = new Map<
    string,
    { name: string; type: Entity["type"]; counts: Map<string, number>; names: Map<string, number> }
  >();
  for (const a of articles) {
    const outletKey = outletOf(a).key;
    for (const m of findMentions(`${a.title}\n\n${a.text}`, index)) {
      const e = byKey.get(m.key) ?? { name: m.name, type: m.type, counts: new Map(), names: new Map() };
      e.counts.set(outletKey, (e.counts.get(outletKey) ?? 0) + 1);
      e.names.set(m.name, (e.names.get(m.name) ?? 0) + 1);
      byKey.set(m.key, e);
    }
  }
  return [...byKey]
    .map(([key, e]): Entity => {
      const total = [...e.counts.values()].reduce((x, y) => x + y, 0);
      // The longest of the most used spellings: "Volodymyr Zelenskyy" over "Zelensky".
      const name = [...e.names].sort((x, y) => y[0].length - x[0].length || y[1] - x[1])[0][0];
      return {
        key,
        name,
        type: e.type,
        total,
        counts: [...e.counts]
          .map(([outletKey, count]) => ({ outletKey, count }))
          .sort((x, y) => x.outletKey.localeCompare(y.outletKey)),
      };
    })
    .filter((e) => e.total >= MIN_ENTITY_MENTIONS || e.counts.length >= 2)
    .sort((a, b) => b.counts.length - a.counts.length || b.total - a.total || a.key.localeCompare(b.key));
}

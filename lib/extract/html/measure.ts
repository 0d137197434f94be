// One post-order pass that measures every element: how much text it holds, how much of it is link text,
// and how much sits in real paragraphs. All later decisions read these numbers instead of re-walking.
import { BLOCK_TAGS } from "./block-tags";
import { type AnyNode, type Element, isTag, isText } from "./dom";
import { isInvisible } from "./visibility";

export interface Measure {
  /** Characters of visible text (whitespace runs count as one). */
  text: number;
  /** Characters of that text inside links. */
  link: number;
  /** Characters inside <p>/<pre>/<blockquote> or text-only blocks: prose rather than labels. */
  prose: number;
  /** Number of prose blocks of 40+ characters. */
  paragraphs: number;
  /** Commas (Latin, CJK, Arabic): prose has them, menus do not. */
  commas: number;
}

export type Measures = Map<Element, Measure>;

const PROSE_TAGS = new Set(["p", "pre", "blockquote"]);
const OTHER_COMMAS = /[，、،]/;
const OTHER_COMMAS_GLOBAL = /[，、،]/g;

/**
 * Measures every element under `root`, removing invisible nodes (scripts, forms, hidden blocks, comments) on
 * the way: one walk instead of two over what is the largest tree the extractor handles.
 */
export function measureTree(root: Element): Measures {
  const measures: Measures = new Map();
  measureElement(root, measures, false);
  return measures;
}

function measureElement(el: Element, measures: Measures, inLink: boolean): Measure {
  const m: Measure = { text: 0, link: 0, prose: 0, paragraphs: 0, commas: 0 };
  const isLink = inLink || el.name === "a";
  let looseText = 0; // text not inside a child block: makes a <div>text<br>text</div> count as prose
  const children = el.children;
  let kept = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (isInvisible(child)) {
      child.parent = null;
      continue;
    }
    children[kept++] = child;
    if (isText(child)) {
      const length = visibleLength(child.data);
      m.text += length;
      if (isLink) m.link += length;
      looseText += length;
      m.commas += countCommas(child.data);
    } else if (isTag(child)) {
      const c = measureElement(child, measures, isLink);
      m.text += c.text;
      m.link += c.link;
      m.prose += c.prose;
      m.paragraphs += c.paragraphs;
      m.commas += c.commas;
      if (!BLOCK_TAGS.has(child.name)) looseText += c.text - c.link;
    }
  }
  if (kept < children.length) relink(children, kept);
  if (PROSE_TAGS.has(el.name)) {
    const own = m.text - m.link - m.prose; // nested <p> in <blockquote> already counted
    if (own > 0) m.prose += own;
    if (m.text - m.link >= 40) m.paragraphs = Math.max(m.paragraphs, 1);
  } else if (looseText >= 40 && el.name !== "a") {
    m.prose += looseText;
    m.paragraphs += 1;
  }
  measures.set(el, m);
  return m;
}

/** Truncates a children array compacted in place and repairs the sibling links. */
function relink(children: AnyNode[], kept: number): void {
  children.length = kept;
  for (let i = 0; i < kept; i++) {
    children[i].prev = i > 0 ? children[i - 1] : null;
    children[i].next = i + 1 < kept ? children[i + 1] : null;
  }
}

function countCommas(text: string): number {
  let count = 0;
  for (let i = text.indexOf(","); i >= 0; i = text.indexOf(",", i + 1)) count++;
  // CJK and Arabic commas are rare in Latin-script pages: test once before counting.
  if (OTHER_COMMAS.test(text)) count += text.match(OTHER_COMMAS_GLOBAL)?.length ?? 0;
  return count;
}

function visibleLength(text: string): number {
  // Approximate collapsed length: runs of indentation inside one text node are rare in prose, and exactness
  // does not matter for the thresholds this feeds, while a per-character loop is a hot spot.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && last > 32 && first !== 160 && last !== 160) return text.length;
  const trimmed = text.trim();
  if (!trimmed) return text.length > 0 ? 1 : 0; // whitespace between inline elements still separates words
  return trimmed.length + 1;
}

export function linkDensity(m: Measure): number {
  return m.text > 0 ? m.link / m.text : 0;
}

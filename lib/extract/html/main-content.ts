// Picks the element(s) holding the article body by scoring prose blocks and crediting their ancestors
// (the approach of Readability, with measured prose instead of re-walking, class hints in more languages,
// and structured-data markers as strong evidence).
import { BLOCK_TAGS } from "./block-tags";
import { type Element, classAndId, contains, isTag, textOf } from "./dom";
import { classWeight, isBodyMarker } from "./hints";
import { type Measure, type Measures, linkDensity } from "./measure";
import { preferStructuredBody } from "./structured-body";

const TAG_BONUS: Record<string, number> = {
  article: 8,
  main: 5,
  div: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

const ANCESTOR_LEVELS = 5;

export interface ContentChoice {
  /** The element the article body lives in. */
  container: Element;
  /** Sibling elements of the container that continue the article, in document order (container included). */
  parts: Element[];
}

/** Chooses the article container; `articleBody` (JSON-LD) arbitrates between close candidates when present. */
export function findMainContent(
  root: Element,
  measures: Measures,
  articleBody: string | null = null,
): ContentChoice | null {
  const scores = new Map<Element, number>();
  scoreBlocks(root, measures, scores);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    const m = measures.get(el)!;
    const score = raw * (1 - linkDensity(m));
    scores.set(el, score);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return null;
  best = climbToCommonAncestor(best, scores, bestScore);
  if (articleBody) best = preferStructuredBody(alternatives(best, scores), articleBody);
  const parts = withSiblings(best, scores, measures);
  return { container: best, parts: withChunks(root, best, parts, measures) };
}

/** The chosen block, its near ancestors and the next best-scored blocks: where else the body could be. */
function alternatives(best: Element, scores: Map<Element, number>): Element[] {
  const list = [best];
  let node = best.parent;
  for (let i = 0; i < 2 && node && isTag(node) && node.name !== "body"; i++, node = node.parent) list.push(node);
  const ranked = [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([el]) => el);
  for (const el of ranked) if (!list.includes(el)) list.push(el);
  return list;
}

/** Credits each prose block's score to its ancestors, decaying with distance. */
function scoreBlocks(root: Element, measures: Measures, scores: Map<Element, number>): void {
  const visit = (el: Element, insideBlock: boolean) => {
    const m = measures.get(el);
    if (!m || m.text === 0) return;
    const isBlock = !insideBlock && isProseBlock(el, m);
    if (isBlock) credit(el, m, measures, scores);
    for (const child of el.children) if (isTag(child)) visit(child, insideBlock || el.name === "p");
  };
  visit(root, false);
}

function isProseBlock(el: Element, m: Measure): boolean {
  if (el.name === "p" || el.name === "pre") return m.text - m.link >= 25;
  if (!BLOCK_TAGS.has(el.name)) return false;
  // A <div> or <td> with prose written straight into it (no <p>): its own loose text counts.
  let loose = 0;
  for (const child of el.children) {
    if (child.type === "text") loose += child.data.trim().length;
    else if (isTag(child) && !BLOCK_TAGS.has(child.name) && child.name !== "a") loose += 1;
  }
  return loose >= 25 && m.prose > 0;
}

function credit(block: Element, m: Measure, measures: Measures, scores: Map<Element, number>): void {
  const length = m.text - m.link;
  const score = 1 + m.commas + Math.min(3, Math.floor(length / 100));
  let node = block.parent;
  for (let level = 0; level < ANCESTOR_LEVELS && node && isTag(node) && measures.has(node); level++) {
    if (!scores.has(node)) scores.set(node, initialScore(node));
    const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
    scores.set(node, scores.get(node)! + score / divider);
    node = node.parent;
  }
}

function initialScore(el: Element): number {
  let score = TAG_BONUS[el.name] ?? 0;
  if (el.attribs.itemprop === "articleBody") score += 50;
  const classes = classAndId(el);
  if (classes) score += 25 * Math.max(-1, Math.min(1, classWeight(classes)));
  if (classes && isBodyMarker(classes)) score += 25;
  return score;
}

/**
 * When the article is split over several blocks, the best single block is one piece: if other high-scoring
 * blocks share an ancestor with it, that ancestor is the real container.
 */
function climbToCommonAncestor(best: Element, scores: Map<Element, number>, bestScore: number): Element {
  const strong = [...scores].filter(([el, s]) => el !== best && s >= bestScore * 0.75).map(([el]) => el);
  if (strong.length < 2) return best;
  let node: Element = best;
  for (let depth = 0; depth < 4 && node.parent && isTag(node.parent) && node.parent.name !== "body"; depth++) {
    const parent: Element = node.parent;
    const holds = strong.filter((el) => contains(parent, el)).length;
    if (holds >= 2) return parent;
    node = parent;
  }
  return best;
}

/** Siblings of the container that look like more of the article (split by an ad or a figure). */
function withSiblings(container: Element, scores: Map<Element, number>, measures: Measures): Element[] {
  const parent = container.parent;
  if (!parent || !isTag(parent)) return [container];
  const best = scores.get(container) ?? 0;
  const threshold = Math.max(10, best * 0.2);
  const classes = container.attribs.class;
  const parts: Element[] = [];
  for (const sibling of parent.children) {
    if (!isTag(sibling)) continue;
    if (sibling === container) {
      parts.push(sibling);
      continue;
    }
    const m = measures.get(sibling);
    if (!m || m.text === 0) continue;
    const bonus = classes && sibling.attribs.class === classes ? best * 0.2 : 0;
    const score = (scores.get(sibling) ?? 0) + bonus;
    if (score >= threshold) {
      parts.push(sibling);
      continue;
    }
    if (sibling.name === "p" || BLOCK_TAGS.has(sibling.name)) {
      const density = linkDensity(m);
      const length = m.text;
      const text = m.text - m.link;
      if (length > 80 && density < 0.25 && m.prose > 0) parts.push(sibling);
      else if (length <= 80 && density === 0 && sibling.name === "p" && text > 0 && /\.( |$)/.test(textOf(sibling))) {
        parts.push(sibling);
      }
    }
  }
  return parts;
}

/**
 * CMSs that interleave ads with the body emit it as several blocks with the same class ("article__body",
 * "story-chunk"), often under different parents; the chosen block is then only one chunk of the article.
 */
function withChunks(root: Element, container: Element, parts: Element[], measures: Measures): Element[] {
  const signature = container.attribs.class?.trim();
  if (!signature) return parts;
  const chunks: Element[] = [];
  const visit = (el: Element) => {
    if (el === container || parts.includes(el)) {
      chunks.push(el);
      return;
    }
    if (el.name === container.name && el.attribs.class?.trim() === signature) {
      const m = measures.get(el);
      if (m && m.paragraphs > 0 && linkDensity(m) < 0.3) {
        chunks.push(el);
        return;
      }
    }
    for (const child of el.children) if (isTag(child)) visit(child);
  };
  visit(root);
  // Same-class blocks that are not all the article's (teaser cards) give themselves away by number.
  return chunks.length > parts.length && chunks.length - parts.length <= 12 ? chunks : parts;
}

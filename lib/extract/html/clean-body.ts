// Boilerplate that sits inside the article container: captions and credits, share bars, "read more" and
// related links, inline ads and newsletter boxes. Removed in place so the text and the HTML agree.
import { BLOCK_TAGS, HEADING_TAGS } from "./block-tags";
import { type AnyNode, type Element, classAndId, detachAll, isTag, textOf } from "./dom";
import { isEmbeddedPost } from "./embedded-post";
import { classWeight } from "./hints";
import { type Measures, linkDensity } from "./measure";

// Short blocks that are labels, not prose. Anchored at the start and only tried on short blocks, so a
// sentence that merely begins with "Read more" cannot be lost.
const LABEL = new RegExp(
  "^(?:advertisement|advertising|advert|sponsored|like this story|anzeige|werbung|publicidad|publicité|pubblicità|реклама|" +
    "(?:story|article) continues below|continue reading|read more|read also|also read|see also|related|" +
    "more:|recommended|watch:|listen:|sign up|subscribe|follow us|share (?:this|on)|click here|" +
    "lesen sie auch|mehr zum thema|leia também|leia mais|lea también|ver también|à lire aussi|lire aussi|" +
    "leggi anche|читайте также|czytaj też|czytaj także|baca juga)",
  "i",
);

// Newsletter and subscription pitches written into the body as ordinary paragraphs.
const PITCH = /\b(?:sign up|subscribe)\b[^.!?]{0,80}\bnewsletter|\bnewsletter\b[^.!?]{0,80}\b(?:sign up|subscribe)\b/i;

/** Removes boilerplate inside the chosen parts; `measures` must cover them (they are not re-measured). */
export function cleanArticleBody(parts: Element[], measures: Measures): void {
  for (const part of parts) {
    const doomed = new Set<AnyNode>();
    for (const child of part.children) collectDoomed(child, measures, doomed);
    detachAll(doomed);
  }
}

function collectDoomed(node: AnyNode, measures: Measures, doomed: Set<AnyNode>): void {
  if (!isTag(node)) return;
  if (isBoilerplateInBody(node, measures)) {
    doomed.add(node);
    const title = previousElement(node);
    if (title && isTitleOf(title, measures)) doomed.add(title);
    return;
  }
  for (const child of node.children) collectDoomed(child, measures, doomed);
}

function isBoilerplateInBody(el: Element, measures: Measures): boolean {
  const name = el.name;
  if (name === "figcaption" || name === "h1") return true;
  if (name === "a" || name === "em" || name === "strong" || name === "b" || name === "i" || name === "span") {
    return false; // inline: judged as part of its paragraph
  }
  const m = measures.get(el);
  if (!m) return false;
  if (isEmbeddedPost(el)) return false;
  if (m.text === 0) return name !== "br" && name !== "img" && name !== "hr" && !hasImage(el);
  const classes = classAndId(el);
  if (classes && classWeight(classes) < 0 && m.prose < 400) return true;
  const density = linkDensity(m);
  // Link lists and "more stories" boxes: mostly link text. Real paragraphs with a link or two are far below.
  if (density > 0.5 && (HEADING_TAGS.has(name) ? true : m.text < 300)) return true;
  if (density > 0.33 && name !== "p" && m.paragraphs < 2 && m.text < 200) return true;
  if (!BLOCK_TAGS.has(name)) return false;
  const mayBePitch = m.text < 400 && (name === "p" || name === "div");
  if (m.text >= 120 && !mayBePitch) return false;
  const text = textOf(el);
  return (m.text < 120 && LABEL.test(text)) || (mayBePitch && PITCH.test(text));
}

function hasImage(el: Element): boolean {
  for (const child of el.children) if (isTag(child) && (child.name === "img" || hasImage(child))) return true;
  return false;
}

function previousElement(node: AnyNode): Element | null {
  for (let prev = node.prev; prev; prev = prev.prev) {
    if (isTag(prev)) return prev;
    if (prev.type === "text" && prev.data.trim()) return null;
  }
  return null;
}

/** A heading or a short unpunctuated line ("More Great Stories") that titles the block after it. */
function isTitleOf(el: Element, measures: Measures): boolean {
  const m = measures.get(el);
  if (!m || m.text === 0 || m.text > 80) return false;
  if (HEADING_TAGS.has(el.name)) return true;
  return (el.name === "p" || el.name === "div" || el.name === "strong") && !/[.!?:"”]\s*$/.test(textOf(el));
}

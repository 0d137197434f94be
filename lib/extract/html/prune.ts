// Removes page furniture and blocks whose class/id names them as boilerplate, unless they wrap most of the
// page's prose (sites that misuse the tags or name their wrapper "content-sidebar-wrap").
import { FURNITURE_TAGS } from "./block-tags";
import { type Element, classAndId, detachAll, isTag } from "./dom";
import { classWeight, isBodyMarker } from "./hints";
import { type Measures, measureTree } from "./measure";
import { isEmbeddedPost } from "./embedded-post";

/**
 * Measures the page (dropping invisible nodes), then drops furniture and boilerplate-named blocks holding
 * less than `maxShare` of its prose.
 */
export function dropBoilerplate(root: Element, maxShare = 0.5): Measures {
  const measures = measureTree(root);
  const total = measures.get(root)?.prose ?? 0;
  const doomed: Element[] = [];
  const minProse = total * maxShare;
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      const m = measures.get(child);
      if (!m || m.text === 0) continue;
      if (m.prose < minProse || total === 0) {
        if (FURNITURE_TAGS.has(child.name) || isBoilerplate(child)) {
          doomed.push(child);
          continue;
        }
      }
      visit(child);
    }
  };
  visit(root);
  for (const el of doomed) forget(el, measures);
  detachAll(doomed);
  return measures;
}

function isBoilerplate(el: Element): boolean {
  if (el.name === "body" || el.name === "main" || el.name === "a") return false;
  if (isEmbeddedPost(el)) return false;
  if (el.attribs.itemprop === "articleBody") return false;
  const role = el.attribs.role;
  if (role === "navigation" || role === "complementary" || role === "contentinfo" || role === "banner") return true;
  const classes = classAndId(el);
  if (!classes) return false;
  if (isBodyMarker(classes)) return false;
  return classWeight(classes) < 0;
}

/** Takes a removed element's text out of its ancestors' figures (cheaper than measuring the tree again). */
function forget(el: Element, measures: Measures): void {
  const gone = measures.get(el);
  if (!gone) return;
  for (let node = el.parent; node && isTag(node); node = node.parent) {
    const m = measures.get(node);
    if (!m) break;
    m.text -= gone.text;
    m.link -= gone.link;
    m.prose -= gone.prose;
    m.paragraphs -= gone.paragraphs;
    m.commas -= gone.commas;
  }
}

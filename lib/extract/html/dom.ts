// Small helpers over the htmlparser2 tree that cheerio builds; walking it directly is much faster than selectors.
import type { AnyNode, Element, Text } from "domhandler";

export type { AnyNode, Element };

// Own copies of domhandler's type guards: called for every node in every walk, and a re-exported binding is
// read through a getter on each call once transpiled to CommonJS, which cost several percent of extraction.
export function isTag(node: AnyNode): node is Element {
  const type = node.type;
  return type === "tag" || type === "script" || type === "style";
}

export function isText(node: AnyNode): node is Text {
  return node.type === "text";
}

/** Whether el lies somewhere below ancestor. */
export function contains(ancestor: Element, el: Element): boolean {
  for (let node = el.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** The element's class and id, lower-cased, for boilerplate/content hints. */
export function classAndId(el: Element): string {
  const { class: cls, id } = el.attribs;
  if (!cls && !id) return "";
  return `${cls ?? ""} ${id ?? ""}`.toLowerCase();
}

/** Whitespace-collapsed text of a subtree (no block separation; use for measuring, not output). */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  collect(node, parts);
  return collapseWhitespace(parts.join(""));
}

/** Whitespace other than a single space: a line break, a tab, a no-break space or a run of spaces. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** Runs of whitespace as one space, trimmed. Most blocks have nothing to collapse: testing first is cheaper. */
export function collapseWhitespace(text: string): string {
  return LOOSE_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
}

function collect(node: AnyNode, parts: string[]): void {
  if (isText(node)) parts.push(node.data);
  else if (isTag(node)) for (const child of node.children) collect(child, parts);
}

/**
 * Removes many nodes at once: one pass over each parent's children instead of an indexOf and a splice per node,
 * which made a page of 20,000 empty paragraphs take seconds (quadratic in the number of siblings).
 */
export function detachAll(nodes: Iterable<AnyNode>): void {
  const byParent = new Map<AnyNode["parent"], Set<AnyNode>>();
  for (const node of nodes) {
    if (!node.parent) continue;
    const doomed = byParent.get(node.parent) ?? new Set<AnyNode>();
    byParent.set(node.parent, doomed);
    doomed.add(node);
  }
  for (const [parent, doomed] of byParent) {
    if (!parent) continue;
    for (const node of doomed) {
      if (node.prev) node.prev.next = node.next;
      if (node.next) node.next.prev = node.prev;
    }
    parent.children = parent.children.filter((child) => !doomed.has(child));
    for (const node of doomed) node.parent = node.prev = node.next = null;
  }
}

/** Removes a node from its parent in place. */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const siblings = parent.children;
  const index = siblings.indexOf(node);
  if (index >= 0) siblings.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

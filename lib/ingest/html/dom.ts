// Small helpers over the htmlparser2 tree that cheerio builds; walking it directly is much faster than selectors.
import { type AnyNode, type Element, isTag, isText } from "domhandler";

export type { AnyNode, Element };
export { isTag, isText };

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
  return parts.join("").replace(/\s+/g, " ").trim();
}

function collect(node: AnyNode, parts: string[]): void {
  if (isText(node)) parts.push(node.data);
  else if (isTag(node)) for (const child of node.children) collect(child, parts);
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

// What a reader never sees as article text: code, embeds, form controls, comments and hidden elements.
import { NEVER_CONTENT } from "./block-tags";
import { type AnyNode, isTag } from "./dom";

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function isInvisible(node: AnyNode): boolean {
  if (!isTag(node)) return node.type !== "text"; // comments, doctype, CDATA
  if (NEVER_CONTENT.has(node.name)) return true;
  const a = node.attribs;
  if (a.hidden !== undefined) return true;
  if (a["aria-hidden"] === "true" && node.name !== "p") return true;
  return a.style !== undefined && HIDDEN_STYLE.test(a.style);
}

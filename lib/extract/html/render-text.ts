// Turns the cleaned article container into plain text: one paragraph per block, separated by a blank line.
import { BLOCK_TAGS } from "./block-tags";
import { type AnyNode, type Element, collapseWhitespace, isTag, isText } from "./dom";

export function renderParagraphs(parts: Element[]): string[] {
  const paragraphs: string[] = [];
  let line = "";
  const flush = () => {
    const text = collapseWhitespace(line);
    if (text) paragraphs.push(text);
    line = "";
  };
  const visit = (node: AnyNode) => {
    if (isText(node)) {
      line += node.data;
      return;
    }
    if (!isTag(node)) return;
    const block = BLOCK_TAGS.has(node.name);
    if (block) flush();
    if (node.name === "img") return;
    for (const child of node.children) visit(child);
    if (block) flush();
    else if (node.name === "td" || node.name === "th") line += " ";
  };
  for (const part of parts) visit(part);
  flush();
  return paragraphs;
}

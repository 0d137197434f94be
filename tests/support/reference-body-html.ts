// Test oracle only (not on any production path). Serialises the cleaned article container as simple markup: allowlisted structure only, loose text in <div>s
// turned into paragraphs, presentation attributes dropped. Extraction now writes the stored HTML with
// safe-body-html.ts in one pass; this simpler path, put through sanitizeHtml (the one authority on safety), is
// kept as the reference that safe-body-html.test.ts checks it against.
import { BLOCK_TAGS, TEXT_CONTAINERS } from "@/lib/extract/html/block-tags";
import { type AnyNode, type Element, isTag, isText } from "@/lib/extract/html/dom";
import { ALLOWED_TAGS, RENAMED_TAGS } from "@/lib/extract/sanitize-policy";

// The allowlist itself is the one policy (h1 is kept and renamed on the way out, as sanitize.ts does).
const KEEP = new Set([...ALLOWED_TAGS, ...Object.keys(RENAMED_TAGS)]);
const KEEP_ATTRIBUTES = ["href", "src", "alt", "colspan", "rowspan"];
const VOID = new Set(["br", "img"]);

export function simplifyBodyHtml(parts: Element[]): string {
  const out: string[] = [];
  for (const part of parts) writeChildren(part, out, false);
  return out.join("");
}

function writeChildren(el: Element, out: string[], inText: boolean): void {
  let run: string[] | null = null; // loose inline content of a non-text block, wrapped as one <p>
  const flush = () => {
    if (run?.join("").trim()) out.push("<p>", ...run, "</p>");
    run = null;
  };
  for (const child of el.children) {
    const block = isTag(child) && BLOCK_TAGS.has(child.name) && child.name !== "br";
    if (!inText && !block && (isText(child) || isTag(child))) {
      run ??= [];
      write(child, run, true);
      continue;
    }
    flush();
    write(child, out, inText);
  }
  flush();
}

function write(node: AnyNode, out: string[], inText: boolean): void {
  if (isText(node)) {
    out.push(escapeHtml(node.data));
    return;
  }
  if (!isTag(node)) return;
  const name = node.name;
  if (!KEEP.has(name)) {
    writeChildren(node, out, inText);
    return;
  }
  out.push("<", name);
  for (const attribute of KEEP_ATTRIBUTES) {
    let value = node.attribs[attribute];
    // Lazy-loaded images keep the real address in data-src.
    if (attribute === "src" && (!value || value.startsWith("data:"))) value = node.attribs["data-src"] ?? value;
    if (value) out.push(" ", attribute, '="', escapeHtml(value), '"');
  }
  out.push(">");
  if (VOID.has(name)) return;
  writeChildren(node, out, inText || TEXT_CONTAINERS.has(name));
  out.push("</", name, ">");
}

const SPECIAL = /[&<>"]/;

function escapeHtml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

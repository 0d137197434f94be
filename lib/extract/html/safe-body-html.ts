// Serialises the cleaned article container straight to the stored article HTML, with the allowlist, link and
// image rules of sanitizeHtml(simplifyBodyHtml(parts)) (both read sanitize-policy.ts) but without sanitize-html
// parsing the body again (that second parse was a tenth of extraction time). The one difference: blocks nested
// where HTML does not allow them are left for the browser to re-nest, as sanitize-html's parser did.
// safe-body-html.test.ts checks that lib/extract/sanitize.ts would emit every tag and attribute written here, on
// hostile markup and on every page of the extraction corpus when it is present.
import { escapeHtmlAttribute, escapeHtmlText } from "@/lib/text/escape";
import { BLOCK_TAGS, TEXT_CONTAINERS } from "./block-tags";
import { type AnyNode, type Element, isTag, isText } from "./dom";
import { parseBase, safeUrl } from "../safe-url";
import {
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  IMAGE_SCHEMES,
  LINK_REL,
  LINK_SCHEMES,
  RENAMED_TAGS,
} from "../sanitize-policy";

/** Tags written as themselves, or renamed (h1 as h2). Others are unwrapped. */
const KEEP = new Set([...ALLOWED_TAGS, ...Object.keys(RENAMED_TAGS)]);
/** Dropped with their content; the pruned tree should not hold them, but this output must not depend on that. */
const DROP = new Set(DROP_WITH_CONTENT);

export function safeBodyHtml(parts: Element[], baseUrl?: string | null): string {
  const out: string[] = [];
  const base = parseBase(baseUrl);
  for (const part of parts) writeChildren(part, out, false, base);
  return out.join("");
}

function writeChildren(el: Element, out: string[], inText: boolean, base: URL | null): void {
  let run: string[] | null = null; // loose inline content of a non-text block, wrapped as one <p>
  let runHasText = false;
  const flush = () => {
    if (run && runHasText) out.push("<p>", ...run, "</p>");
    run = null;
    runHasText = false;
  };
  for (const child of el.children) {
    const block = isTag(child) && BLOCK_TAGS.has(child.name) && child.name !== "br";
    if (!inText && !block && (isText(child) || isTag(child))) {
      run ??= [];
      const before = run.length;
      write(child, run, true, base);
      // Same test as "the run's markup is not blank": anything but whitespace-only text counts.
      if (!runHasText) for (let i = before; i < run.length; i++) if (run[i].trim()) runHasText = true;
      continue;
    }
    flush();
    write(child, out, inText, base);
  }
  flush();
}

function write(node: AnyNode, out: string[], inText: boolean, base: URL | null): void {
  if (isText(node)) {
    out.push(escapeHtmlText(node.data));
    return;
  }
  if (!isTag(node)) return;
  const name = node.name;
  if (DROP.has(name)) return;
  if (!KEEP.has(name)) {
    writeChildren(node, out, inText, base);
    return;
  }
  const a = node.attribs;
  let open: string;
  if (name === "a") {
    const href = safeUrl(a.href, base, LINK_SCHEMES);
    open = href ? `<a href="${escapeHtmlAttribute(href)}" rel="${LINK_REL}">` : "<a>";
  } else if (name === "img") {
    // Lazy-loaded images keep the real address in data-src; an image without a usable source is an empty box.
    let raw = a.src;
    if (!raw || raw.startsWith("data:")) raw = a["data-src"] ?? raw;
    const src = safeUrl(raw, base, IMAGE_SCHEMES);
    if (!src) return;
    out.push(`<img src="${escapeHtmlAttribute(src)}"`, a.alt ? ` alt="${escapeHtmlAttribute(a.alt)}"` : "", " />");
    return;
  } else if (name === "br") {
    out.push("<br />");
    return;
  } else if (name === "td" || name === "th") {
    open = `<${name}${a.colspan ? ` colspan="${escapeHtmlAttribute(a.colspan)}"` : ""}${a.rowspan ? ` rowspan="${escapeHtmlAttribute(a.rowspan)}"` : ""}>`;
  } else {
    open = `<${RENAMED_TAGS[name] ?? name}>`;
  }
  out.push(open);
  writeChildren(node, out, inText || TEXT_CONTAINERS.has(name), base);
  out.push(`</${RENAMED_TAGS[name] ?? name}>`);
}

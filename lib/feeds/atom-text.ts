// Atom's text constructs (title, summary, content) say how to read them: Atom 1.0 by type="text|html|xhtml",
// Atom 0.3 by a MIME type and mode="xml|escaped|base64". rss-parser only takes the element's text, so base64 stayed
// base64, HTML titles kept their tags, and an xhtml (or 0.3 mode="xml") title, whose text sits in child elements,
// came out empty. Titles here become clean text.
import { load } from "cheerio";
import { htmlToPlainText } from "./text";

type Node = { _?: unknown; $?: Record<string, unknown> } & Record<string, unknown>;

const attr = (node: Node, name: string) =>
  String(node.$?.[name] ?? "")
    .trim()
    .toLowerCase();

const isXhtml = (type: string) => type === "xhtml" || type.endsWith("/xhtml+xml") || type.endsWith("+xml");
const isHtml = (type: string) => type === "html" || type === "text/html";

/** The element's own text, base64-decoded when the feed says so (Atom 0.3 mode="base64"). */
function ownText(node: Node): string {
  const text = typeof node._ === "string" ? node._ : "";
  return attr(node, "mode") === "base64" ? Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8") : text;
}

/** Whether the construct's text is in child elements (xhtml, 0.3 mode="xml" with markup), out of rss-parser's reach. */
export function hasMarkupChildren(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  return Object.keys(node).some((k) => k !== "_" && k !== "$");
}

/**
 * Clean text of a title as xml2js gives it (a string, or {_, $} with attributes). `childText` supplies the text
 * of an element whose content is markup, read in document order (xml2js keeps text and children apart).
 */
export function atomTitleText(node: unknown, childText: () => string | null): string | null {
  if (typeof node === "string") return node;
  if (!node || typeof node !== "object") return null;
  const n = node as Node;
  const type = attr(n, "type");
  if (hasMarkupChildren(n) || (isXhtml(type) && attr(n, "mode") !== "base64")) return childText();
  const text = ownText(n);
  return isHtml(type) ? htmlToPlainText(text) : text;
}

/** Atom content or summary as HTML: base64 decoded; otherwise what rss-parser made of it. */
export function atomContent(node: unknown, parsed: unknown): unknown {
  if (!node || typeof node !== "object" || attr(node as Node, "mode") !== "base64") return parsed;
  return ownText(node as Node);
}

/** The feed's and each entry's title text in document order, for titles whose content is markup. */
export function titlesInOrder(xml: string): { feed: string | null; entries: (string | null)[] } {
  const $ = load(xml, { xml: true });
  const text = (el: ReturnType<typeof $>) => (el.length ? el.text().replace(/\s+/g, " ").trim() : null);
  const root = $.root().children().first();
  return {
    feed: text(root.children("title").first()),
    entries: root
      .children("entry")
      .toArray()
      .map((entry) => text($(entry).children("title").first())),
  };
}

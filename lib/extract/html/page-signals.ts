// Everything metadata is read from, gathered in one walk over the parsed page: a dozen CSS selector queries
// cost as much as parsing the page itself.
import type { Document } from "domhandler";
import { ExtractionError } from "../types";
import { type AnyNode, type Element, isTag, isText, textOf } from "./dom";

export interface PageSignals {
  /** `<meta>` content by lower-cased name/property/itemprop/http-equiv; the first occurrence wins. */
  meta: Map<string, string>;
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  canonical: string | null;
  documentTitle: string | null;
  firstH1: string | null;
  firstTimeDatetime: string | null;
  htmlLang: string | null;
  /** Content/datetime/text of the first `itemprop="datePublished"` element (a fallback: walks the page again). */
  itempropDate(): string | null;
  /** Text of the first `rel="author"` / `itemprop="author"` element (a fallback: walks the page again). */
  authorText(): string | null;
}

export function readPageSignals(document: Document): PageSignals {
  let found: MarkupFallbacks | null = null;
  const fallbacks = () => (found ??= findMarkupFallbacks(document));
  const s: PageSignals = {
    meta: new Map(),
    jsonLd: [],
    canonical: null,
    documentTitle: null,
    firstH1: null,
    firstTimeDatetime: null,
    htmlLang: null,
    itempropDate: () => fallbacks().itempropDate,
    authorText: () => fallbacks().authorText,
  };
  // Iterative, and the one place that checks nesting: every later walk recurses, and malformed pages with
  // thousands of unclosed elements would overflow the stack there.
  const nodes: AnyNode[] = [];
  const depths: number[] = [];
  for (let i = document.children.length - 1; i >= 0; i--) {
    nodes.push(document.children[i]);
    depths.push(1);
  }
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!isTag(node)) continue;
    if (depth > MAX_DEPTH) throw new ExtractionError(`page markup is nested more than ${MAX_DEPTH} levels deep`);
    inspect(node, s);
    if (node.name === "script" || node.name === "style") continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      depths.push(depth + 1);
    }
  }
  return s;
}

/** Real pages nest a few dozen levels; far beyond this is broken or hostile markup. */
const MAX_DEPTH = 1000;

function inspect(el: Element, s: PageSignals): void {
  const a = el.attribs;
  switch (el.name) {
    case "meta": {
      const key = (a.property ?? a.name ?? a.itemprop ?? a["http-equiv"])?.trim().toLowerCase();
      const value = (a.content ?? a.datetime)?.trim();
      if (key && value && !s.meta.has(key)) s.meta.set(key, value);
      return;
    }
    case "script":
      if (a.type?.trim().toLowerCase() === "application/ld+json") s.jsonLd.push(rawText(el));
      return;
    case "link":
      if (!s.canonical && a.href && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? "")) s.canonical = a.href;
      return;
    case "title":
      s.documentTitle ??= textOf(el);
      return;
    case "h1":
      if (!s.firstH1) s.firstH1 = textOf(el) || null;
      break;
    case "time":
      if (!s.firstTimeDatetime && a.datetime) s.firstTimeDatetime = a.datetime;
      break;
    case "html":
      s.htmlLang ??= a.lang ?? a["xml:lang"] ?? null;
      break;
  }
}

interface MarkupFallbacks {
  itempropDate: string | null;
  authorText: string | null;
}

// Attribute lookups on every element are what made one all-purpose walk slow, so these rarer fallbacks (only
// needed when neither JSON-LD nor meta tags name the date or author) walk the page once more, on demand.
function findMarkupFallbacks(document: Document): MarkupFallbacks {
  const result: MarkupFallbacks = { itempropDate: null, authorText: null };
  const visit = (node: AnyNode): boolean => {
    if (!isTag(node)) return false;
    const { itemprop, rel } = node.attribs;
    if (!result.itempropDate && itemprop === "datePublished") {
      result.itempropDate = node.attribs.content ?? node.attribs.datetime ?? (textOf(node) || null);
    }
    if (!result.authorText && (itemprop === "author" || rel === "author")) {
      const text = textOf(node);
      if (text && text.length < 100) result.authorText = text;
    }
    if (result.itempropDate && result.authorText) return true;
    for (const child of node.children) if (visit(child)) return true;
    return false;
  };
  for (const child of document.children) if (visit(child)) break;
  return result;
}

function rawText(el: Element): string {
  return el.children.map((child) => (isText(child) ? child.data : "")).join("");
}

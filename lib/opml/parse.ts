// OPML 2.0 reading (OPML 1.0 files read the same way). Feed readers export subscriptions as OPML, so this is how
// a user brings their own list. The XML comes from the user's disk or the network: DOCTYPEs and entity
// declarations are refused before parsing, and fast-xml-parser is told to expand only the five XML entities.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { OpmlError, type OpmlDocument, type OpmlFeed } from "./types";

export { OpmlError } from "./types";
export type { OpmlDocument, OpmlFeed } from "./types";

export const MAX_OPML_CHARS = 5 * 1024 * 1024;
/** Real OPML nests a few levels; a thousand is an attack on the recursion, not a subscription list. */
const MAX_DEPTH = 50;
const PARALLAX_NS = "parallax:";

type Node = Record<string, unknown>;

export function parseOpml(xml: string): OpmlDocument {
  if (xml.length > MAX_OPML_CHARS)
    throw new OpmlError(`OPML is ${xml.length} characters, over the ${MAX_OPML_CHARS} limit`);
  const text = xml.replace(/^\uFEFF/, "");
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  if (/<!DOCTYPE/i.test(markup) || /<!ENTITY/i.test(markup)) {
    throw new OpmlError("OPML with a DOCTYPE or entity declarations is refused (entity expansion attack)");
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new OpmlError(`Malformed XML at line ${valid.err.line}: ${valid.err.msg}`);

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    attributesGroupName: "@",
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => name === "outline",
  });
  const doc = parser.parse(text) as Node;
  const opml = doc.opml as Node | undefined;
  if (!opml || typeof opml !== "object") throw new OpmlError("Not OPML: the root element is not <opml>");
  const head = (opml.head ?? {}) as Node;
  const body = opml.body as Node | undefined;
  if (!body || typeof body !== "object") throw new OpmlError("OPML has no <body>");

  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: unknown, path: string[]) => {
    if (path.length > MAX_DEPTH) throw new OpmlError(`OPML outlines nest deeper than ${MAX_DEPTH} levels`);
    for (const outline of Array.isArray(outlines) ? (outlines as Node[]) : []) {
      const attrs = attributes(outline);
      const label = attrs.title ?? attrs.text ?? null;
      const xmlUrl = httpUrl(attrs.xmlUrl ?? attrs.xmlurl);
      if (xmlUrl && !seen.has(xmlUrl)) {
        seen.add(xmlUrl);
        feeds.push({
          xmlUrl,
          htmlUrl: httpUrl(attrs.htmlUrl ?? attrs.htmlurl),
          title: label,
          category: firstCategory(attrs.category) ?? (path.length ? path.join("/") : null),
          parallax: Object.fromEntries(
            Object.entries(attrs)
              .filter(([k]) => k.startsWith(PARALLAX_NS))
              .map(([k, v]) => [k.slice(PARALLAX_NS.length), v]),
          ),
        });
      }
      walk(outline.outline, label && !xmlUrl ? [...path, label] : path);
    }
  };
  walk(body.outline, []);
  return { title: text_(head.title), feeds };
}

function attributes(node: Node): Record<string, string> {
  const raw = (node["@"] ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const s = typeof v === "string" ? v.trim() : "";
    if (s) out[k] = s;
  }
  return out;
}

/** OPML 2.0: "a string of comma-separated slash-delimited category strings"; the first one, without slashes at the ends. */
function firstCategory(value: string | undefined): string | null {
  const first = value
    ?.split(",")[0]
    ?.trim()
    .replace(/^\/+|\/+$/g, "");
  return first ? first : null;
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function text_(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

import sanitize from "sanitize-html";
import { IMAGE_SCHEMES, LINK_SCHEMES, parseBase, safeUrl } from "./safe-url";

// The only markup an article body may keep: structure a reader needs, nothing that runs or restyles the page.
// Anything not listed is dropped (its text kept), so new HTML features are unsafe-by-default → removed.
const ALLOWED_TAGS = [
  "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "q", "cite", "em", "strong", "b", "i",
  "a", "figure", "figcaption", "img", "pre", "code",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
];

const ALLOWED_ATTRIBUTES: sanitize.IOptions["allowedAttributes"] = {
  a: ["href", "rel"],
  img: ["src", "alt"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan", "scope"],
};

// Elements whose content is code, form state or a foreign document: their text would be noise or a payload.
const DROP_WITH_CONTENT = [
  "script", "style", "noscript", "template", "textarea", "option", "select", "button",
  "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "head", "title",
];

const LINK_REL = "nofollow noopener noreferrer";

export interface SanitizeOptions {
  /** Page URL that relative links and image sources are resolved against. */
  baseUrl?: string;
}

/** Reduces untrusted HTML to an allowlist of article markup, safe to store and render. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const base = parseBase(options.baseUrl);
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: IMAGE_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    transformTags: {
      h1: "h2", // the page title is shown apart; inside the body an h1 is a section heading
      a: (tagName, attribs) => {
        const href = safeUrl(attribs.href, base, LINK_SCHEMES);
        const kept: Record<string, string> = href ? { href, rel: LINK_REL } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = safeUrl(attribs.src, base, IMAGE_SCHEMES);
        const kept: Record<string, string> = src ? { src } : {};
        if (src && attribs.alt) kept.alt = attribs.alt;
        return { tagName, attribs: kept };
      },
    },
    // An image without a usable source is an empty box; an anchor without href keeps its text only.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  });
}


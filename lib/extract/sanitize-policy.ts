// The one allowlist for stored article HTML, read by both writers of it: sanitize.ts (sanitize-html, for arbitrary
// HTML) and html/safe-body-html.ts (the fast serialiser for an extracted DOM). Anything not listed is dropped (its
// text kept), so new HTML features are unsafe-by-default → removed.

/** The only markup an article body may keep: structure a reader needs, nothing that runs or restyles the page. */
export const ALLOWED_TAGS = [
  "p",
  "br",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "q",
  "cite",
  "em",
  "strong",
  "b",
  "i",
  "a",
  "figure",
  "figcaption",
  "img",
  "pre",
  "code",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
];

/** Kept under another name: the page title is shown apart, so inside the body an h1 is a section heading. */
export const RENAMED_TAGS: Record<string, string> = { h1: "h2" };

export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "rel"],
  img: ["src", "alt"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan", "scope"],
};

/** Elements whose content is code, form state or a foreign document: their text would be noise or a payload. */
export const DROP_WITH_CONTENT = [
  "script",
  "style",
  "noscript",
  "template",
  "textarea",
  "option",
  "select",
  "button",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "head",
  "title",
];

/** Every kept link gets this rel, whatever the page said. */
export const LINK_REL = "nofollow noopener noreferrer";

/** Schemes a stored link may use; images load over the web only. */
export const LINK_SCHEMES = ["http", "https", "mailto"];
export const IMAGE_SCHEMES = ["http", "https"];

// Which elements start a new paragraph when the page is read as text, and which are never article prose.

export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "ul", "caption", "br",
]);

export const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Elements whose content is never article prose; removed before anything is measured. */
export const NEVER_CONTENT = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed", "canvas",
  "video", "audio", "map", "select", "button", "input", "textarea", "option", "label", "link", "meta", "head", "title",
  "dialog", "menu", "picture", "source",
]);

/** Page furniture by tag: removed unless it wraps most of the page (some sites misuse them as wrappers). */
export const FURNITURE_TAGS = new Set(["nav", "aside", "footer", "header", "form"]);

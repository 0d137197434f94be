// The one home for escaping text into HTML and XML markup. Each function is for one place in the markup; their
// outputs differ on purpose (which entity for an apostrophe, what happens to control characters), and the
// feeds, OPML files and stored article HTML written with them must stay byte-identical.

const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what XML 1.0 cannot carry even as a character reference (control characters, lone surrogates,
 * U+FFFE/U+FFFF): one of them in an article makes a whole feed unparseable for strict readers.
 */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, "");
}

/** Text for HTML element content or a double-quoted attribute; &#39; rather than &apos;, which old HTML readers lack. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"]/;

// The two below write exactly what sanitize-html writes, which the stored article HTML was made with: quotes
// are left alone in text, and only " is escaped in a double-quoted attribute. Most strings need nothing, and
// testing first is cheaper than three replaces on every text node of every page.

/** Text of an HTML element, escaped as little as is safe. */
export function escapeHtmlText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}

/** A double-quoted HTML attribute value, escaped as little as is safe. */
export function escapeHtmlAttribute(s: string): string {
  return ATTRIBUTE_SPECIAL.test(s) ? escapeHtmlText(s).replace(/"/g, "&quot;") : s;
}

/** Text for XML element content or attribute values; characters XML cannot carry are removed. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** escapeXml for an attribute value whose line breaks and tabs must survive: a reader normalises literal ones to spaces. */
export function escapeXmlAttribute(s: string): string {
  return escapeXml(s).replaceAll("\n", "&#10;").replaceAll("\r", "&#13;").replaceAll("\t", "&#9;");
}

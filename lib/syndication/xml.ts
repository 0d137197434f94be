// Text safe for XML 1.0 and HTML. Escaping alone is not enough for XML: control characters, lone surrogates and
// U+FFFE/U+FFFF are not allowed even as character references, and one of them in an article makes the whole feed
// unparseable for strict readers, so they are removed.

const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, "");
}

/** For element text and attribute values alike. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** Plain text as HTML (the same escaping, with &#39; which older HTML readers know). */
export function escapeHtml(s: string): string {
  return escapeXml(s).replaceAll("&apos;", "&#39;");
}

/** RFC 822 (as updated by RFC 1123) for RSS: "Sun, 22 Nov 2026 16:56:42 GMT". */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

/** RFC 3339 for Atom and JSON Feed, in UTC, without milliseconds. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

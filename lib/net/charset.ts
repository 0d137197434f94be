// Turning fetched bytes into text. Many outlets still serve windows-1251, iso-8859-x, gb2312 or shift_jis, and
// plenty of them declare it only inside the document, so we sniff like a browser does (WHATWG Encoding Standard):
// BOM, then the HTTP header's charset, then the document's own declaration, then the bytes themselves. Node's
// TextDecoder (full ICU) knows the WHATWG labels and legacy encodings, so no iconv is needed, with one exception
// (decodeBytes).

import { sniffLegacyEncoding } from "./sniff-legacy";

const SNIFF_BYTES = 2048;
/** How far into an XML declaration its encoding may stand (Miniflux meets declarations padded past 4 KB). */
const XML_DECLARATION_BYTES = 16 * 1024;

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, "")).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? "");
  return m ? m[2] : null;
}

export function charsetFromBom(body: Uint8Array): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16 without a BOM, told by an XML document's first character: "<" is 3C 00 in UTF-16LE and 00 3C in UTF-16BE
 * (XML 1.0, appendix F). Read as UTF-8 those NULs made the feed "malformed XML".
 */
export function charsetFromXmlStart(body: Uint8Array): string | null {
  if (body.byteLength < 4) return null;
  if (body[0] === 0x3c && body[1] === 0 && body[2] !== 0 && body[3] === 0) return "utf-16le";
  if (body[0] === 0 && body[1] === 0x3c && body[2] === 0 && body[3] !== 0) return "utf-16be";
  return null;
}

function latin1(body: Uint8Array, start: number, end: number): string {
  const to = Math.min(body.byteLength, end);
  return Buffer.from(body.buffer, body.byteOffset + start, Math.max(0, to - start)).toString("latin1");
}

const isXmlSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** <?xml encoding="..."?> or <meta charset> / <meta http-equiv content="...; charset=..."> near the start. */
export function charsetFromDocument(body: Uint8Array): string | null {
  // latin1 maps each byte to one code unit, so ASCII markup is readable whatever the real encoding is.
  // The declaration is looked for after any amount of leading whitespace (sloppy generators emit blank lines first).
  let start = 0;
  while (start < body.byteLength && isXmlSpace(body[start])) start++;
  const decl = latin1(body, start, start + XML_DECLARATION_BYTES);
  const xml = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(decl);
  if (xml) return xml[1];
  const head = latin1(body, 0, SNIFF_BYTES);
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([^"'\s;/>]+)/i.exec(head);
  return meta ? meta[1] : null;
}

export interface EncodingHints {
  /** The charset label of the HTTP Content-Type header. */
  header?: string | null;
  /** Honour <meta charset> and <?xml encoding?>; off for plain text, where such a string is just text. */
  declarations?: boolean;
}

/** Which encoding (WHATWG name) the body is in: BOM, header charset, in-document declaration, then sniffing. */
export function detectEncoding(body: Uint8Array, hints: EncodingHints = {}): string {
  // A BOM is unambiguous evidence and wins even over the header, as in the WHATWG encoding sniffing algorithm.
  const bom = charsetFromBom(body);
  if (bom) return bom;
  // As unambiguous as a BOM: no other encoding starts a document with "<" and a NUL.
  const utf16 = hints.declarations === false ? null : charsetFromXmlStart(body);
  if (utf16) return utf16;
  const fromHeader = normaliseCharset(hints.header);
  // A header that lies (servers often send a default charset whatever the page is) is overruled by the bytes
  // themselves: UTF-8 text is practically never valid in another encoding, and a page that is not valid UTF-8 is
  // not UTF-8, whatever the header says. Otherwise the page would be stored as complete, garbled text.
  if (fromHeader && !headerContradicted(body, fromHeader)) return fromHeader;
  const declared = hints.declarations === false ? null : normaliseCharset(charsetFromDocument(body));
  // A UTF-16 declaration that we could read as ASCII is wrong by definition (HTML spec says: use UTF-8).
  if (declared && !declared.startsWith("utf-16")) {
    // A document saved as UTF-8 that still carries its old declaration (Miniflux's "incorrect prolog" feeds):
    // non-ASCII text in a legacy single- or double-byte encoding is practically never valid UTF-8, so valid
    // multi-byte UTF-8 outweighs the declaration. An all-ASCII body keeps it (ISO-2022-JP is 7-bit).
    // Strictly valid: one stray lead byte at the end is no evidence.
    if (declared !== "utf-8" && hasNonAscii(body) && isValidUtf8(body, false)) return "utf-8";
    return declared;
  }
  // No label anywhere: UTF-8 if the bytes are valid UTF-8, else a double-byte legacy encoding the bytes evidently
  // are in (sniff-legacy.ts), else the web's legacy default.
  if (isValidUtf8(body, true)) return "utf-8";
  return sniffLegacyEncoding(body) ?? "windows-1252";
}

/** detectEncoding with the header charset taken from a Content-Type value. */
export function detectCharset(body: Uint8Array, contentType?: string | null): string {
  return detectEncoding(body, { header: charsetFromContentType(contentType) });
}

// windows-1252 0x80–0x9F; the five bytes it leaves undefined stay the C1 code points, as the standard maps them.
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Bytes to text in a WHATWG encoding, dropping a leading BOM of that encoding. windows-1252 (which every
 * latin1/iso-8859-1/us-ascii label means on the web) is decoded here, not by TextDecoder: Node 20's decoder for it
 * is plain ISO-8859-1, turning curly quotes, "…" and "€" (0x80–0x9F) into C1 control characters.
 */
export function decodeBytes(body: Uint8Array, encoding: string): string {
  if (encoding !== "windows-1252") return new TextDecoder(encoding).decode(body);
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}

export function decodeText(body: Uint8Array, contentType?: string | null): string {
  return decodeBytes(body, detectCharset(body, contentType));
}

/**
 * The header's charset is refuted by the bytes: valid multi-byte UTF-8 under a legacy label, invalid UTF-8 under
 * "utf-8", or ASCII markup under a UTF-16 label.
 */
function headerContradicted(body: Uint8Array, label: string): boolean {
  if (label === "utf-8") return !isValidUtf8(body, true);
  // Markup in UTF-16 has a NUL beside every ASCII character: a body that opens with "<" and has none is not UTF-16.
  if (label.startsWith("utf-16")) return opensWithMarkup(body) && !body.subarray(0, 1024).includes(0);
  if (label === "iso-2022-jp") return false;
  return hasNonAscii(body) && isValidUtf8(body, false);
}

function opensWithMarkup(body: Uint8Array): boolean {
  let i = 0;
  while (i < body.byteLength && isXmlSpace(body[i])) i++;
  return body[i] === 0x3c;
}

function hasNonAscii(body: Uint8Array): boolean {
  return body.some((byte) => byte >= 0x80);
}

/** Valid UTF-8; with cutEnd, a sequence cut short at the very end (a body stopped at the size limit) is allowed. */
function isValidUtf8(body: Uint8Array, cutEnd: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body, { stream: cutEnd });
    return true;
  } catch {
    return false;
  }
}

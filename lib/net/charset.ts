// Turning fetched bytes into text. Many outlets still serve windows-1251, iso-8859-x, gb2312 or shift_jis, and
// plenty of them declare it only inside the document, so we sniff like a browser does. Node's TextDecoder (full
// ICU) knows the WHATWG legacy encodings, so no iconv is needed.

const SNIFF_BYTES = 2048;

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

/** <?xml encoding="..."?> or <meta charset> / <meta http-equiv content="...; charset=..."> near the start. */
export function charsetFromDocument(body: Uint8Array): string | null {
  // latin1 maps each byte to one code unit, so ASCII markup is readable whatever the real encoding is.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, SNIFF_BYTES)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([^"'\s;/>]+)/i.exec(head);
  return meta ? meta[1] : null;
}

/** Which encoding the body is in: BOM, then Content-Type charset, then in-document declaration, then UTF-8. */
export function detectCharset(body: Uint8Array, contentType?: string | null): string {
  // A BOM is unambiguous evidence and wins even over the header, as in the WHATWG encoding sniffing algorithm.
  const bom = charsetFromBom(body);
  if (bom) return bom;
  const fromHeader = normaliseCharset(charsetFromContentType(contentType));
  if (fromHeader) return fromHeader;
  const declared = normaliseCharset(charsetFromDocument(body));
  // A UTF-16 declaration that we could read as ASCII is wrong by definition (HTML spec says: use UTF-8).
  if (declared && !declared.startsWith("utf-16")) return declared;
  return "utf-8";
}

export function decodeText(body: Uint8Array, contentType?: string | null): string {
  return new TextDecoder(detectCharset(body, contentType)).decode(body);
}

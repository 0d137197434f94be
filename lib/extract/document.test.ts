import { describe, expect, it } from "vitest";
import { extractDocument } from "./document";

const body = (marks: { open: string; close: string; ellipsis: string; euro: string }) =>
  `<!DOCTYPE html><html><head><title>Prices rise</title></head><body><article><h1>Prices rise</h1>
<p>The minister said ${marks.open}prices will fall${marks.close} before the winter, and repeated it twice at the briefing.</p>
<p>A loaf now costs 3 ${marks.euro} in most shops${marks.ellipsis} and bakers expect it to cost more by the spring.</p>
<p>Shoppers in the capital said they were buying less bread and more flour, to bake at home instead.</p>
</article></body></html>`;

const cp1252 = (text: string) => {
  const map: Record<string, number> = { "\u201c": 0x93, "\u201d": 0x94, "\u2026": 0x85, "\u20ac": 0x80 };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
};

const expected = body({ open: "\u201c", close: "\u201d", ellipsis: "\u2026", euro: "\u20ac" });
const wanted = ["\u201cprices will fall\u201d", "3 \u20ac in most shops\u2026"];

const extract = (bytes: Buffer, extra: { charset?: string; contentType?: string; name?: string } = {}) =>
  extractDocument({ bytes, name: extra.name ?? "page.html", ...extra }).article.text;

describe("extractDocument decodes like a browser", () => {
  it("reads a windows-1252 page's curly quotes, ellipsis and euro sign, labelled or sniffed", () => {
    const page = cp1252(expected);
    expect(page.includes(0x93) && page.includes(0x80)).toBe(true);
    for (const text of [extract(page, { charset: "windows-1252" }), extract(page)]) {
      for (const w of wanted) expect(text).toContain(w);
      expect(text).not.toMatch(/[\u0080-\u009f]/);
    }
  });

  it("reads 0x80 in a page labelled ISO-8859-1 as the euro sign (WHATWG: that label means windows-1252)", () => {
    const page = cp1252(expected);
    expect(extract(page, { charset: "ISO-8859-1" })).toContain("3 \u20ac in most shops");
    const declared = cp1252(expected.replace("<head>", '<head><meta charset="iso-8859-1">'));
    expect(extract(declared)).toContain("3 \u20ac in most shops");
  });

  it("reads UTF-16LE and UTF-16BE pages by their BOM instead of refusing them as binary", () => {
    const le = Buffer.from(`\uFEFF${expected}`, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const page of [le, be]) {
      const text = extract(page, { name: "page" });
      for (const w of wanted) expect(text).toContain(w);
    }
  });

  it("still refuses binary content", () => {
    expect(() => extract(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]))).toThrow(/binary/);
  });
});

import { describe, expect, it } from "vitest";
import { decodeBytes, decodeText, detectEncoding } from "./charset";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const utf16 = (text: string, endian: "le" | "be") => {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return endian === "le" ? le : Buffer.from(le).swap16();
};

describe("decodeBytes", () => {
  it("maps windows-1252's 0x80–0x9F to the characters they stand for, not C1 controls", () => {
    expect(decodeBytes(bytes([0x93], "quoted", [0x94, 0x85, 0x20, 0x80, 0x96, 0x99, 0xe9]), "windows-1252")).toBe(
      "\u201cquoted\u201d\u2026 \u20ac\u2013\u2122\u00e9",
    );
    // The five bytes windows-1252 leaves undefined keep their C1 code points, as the standard says.
    expect(decodeBytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]), "windows-1252")).toBe("\u0081\u008d\u008f\u0090\u009d");
  });

  it("drops the BOM of the encoding it decodes", () => {
    expect(decodeBytes(utf16("Grüße", "le"), "utf-16le")).toBe("Grüße");
    expect(decodeBytes(utf16("Grüße", "be"), "utf-16be")).toBe("Grüße");
  });
});

describe("detectEncoding: BOM, header, declaration, sniffing", () => {
  it("reads the latin1 family of labels as windows-1252, so 0x80 is the euro sign", () => {
    for (const label of ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "windows-1252", "cp1252"]) {
      expect(decodeText(bytes("price: 5", [0x80]), `text/html; charset=${label}`), label).toBe("price: 5\u20ac");
    }
  });

  it("lets a BOM win over the header", () => {
    expect(detectEncoding(utf16("x", "le"), { header: "iso-8859-1" })).toBe("utf-16le");
    expect(detectEncoding(utf16("x", "be"), { header: "utf-8" })).toBe("utf-16be");
  });

  it("lets the header win over the document's declaration", () => {
    const page = bytes('<meta charset="windows-1251">', [0xcf, 0xf0, 0xe8]);
    expect(detectEncoding(page, { header: "koi8-r" })).toBe("koi8-r");
    expect(detectEncoding(page)).toBe("windows-1251");
  });

  it("overrules a header the bytes refute: UTF-8 text under a legacy label, non-UTF-8 text under utf-8", () => {
    // A server's default charset sent with a UTF-8 page: stored as "CafÃ©" before.
    expect(decodeText(Buffer.from("Café “quoted”"), "text/html; charset=iso-8859-1")).toBe("Café “quoted”");
    // "utf-8" sent with a windows-1252 page: its curly quotes became U+FFFD before; the declaration or sniffing decides.
    expect(decodeText(bytes("Caf", [0xe9, 0x20, 0x93, 0x71, 0x94]), "text/html; charset=utf-8")).toBe("Café “q”");
    const declared = bytes('<meta charset="koi8-r">', [0xf0, 0xd2, 0xc9]);
    expect(detectEncoding(declared, { header: "utf-8" })).toBe("koi8-r");
    // An ASCII body cannot refute anything; a legacy body that is not valid UTF-8 keeps its header.
    expect(detectEncoding(Buffer.from("plain"), { header: "koi8-r" })).toBe("koi8-r");
    expect(detectEncoding(bytes([0xf0, 0xd2, 0xc9]), { header: "koi8-r" })).toBe("koi8-r");
    // ASCII markup cannot be UTF-16, which would put a NUL beside every character; real UTF-16 keeps its header.
    expect(detectEncoding(Buffer.from("<p>Café</p>"), { header: "utf-16le" })).toBe("utf-8");
    expect(detectEncoding(Buffer.from("<p>Café</p>", "utf16le"), { header: "utf-16le" })).toBe("utf-16le");
  });

  it("reads <meta http-equiv> and <?xml encoding?> declarations, but not in plain text", () => {
    const httpEquiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', [0x93]);
    expect(detectEncoding(httpEquiv)).toBe("windows-1252");
    expect(detectEncoding(bytes('<?xml version="1.0" encoding="KOI8-R"?><a>', [0xf0]))).toBe("koi8-r");
    expect(detectEncoding(bytes('<meta charset="koi8-r"> caf', [0xc3, 0xa9]), { declarations: false })).toBe("utf-8");
  });

  it("sniffs undeclared bytes: valid UTF-8 is UTF-8, anything else windows-1252", () => {
    expect(detectEncoding(Buffer.from("Café “quoted”"))).toBe("utf-8");
    expect(detectEncoding(bytes("Caf", [0xe9, 0x20, 0x93, 0x71, 0x94]))).toBe("windows-1252");
    // A body cut by the size limit in the middle of a character is still UTF-8.
    expect(detectEncoding(Buffer.from("Café €").subarray(0, -1))).toBe("utf-8");
  });

  it("prefers valid multi-byte UTF-8 over a stale legacy declaration, but keeps it for ASCII-only bodies", () => {
    expect(detectEncoding(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>Euro €</t>'))).toBe("utf-8");
    expect(detectEncoding(bytes('<?xml version="1.0" encoding="KOI8-R"?><a>', [0xf0, 0xd2]))).toBe("koi8-r");
    expect(detectEncoding(Buffer.from('<meta charset="iso-2022-jp"><p>\u001b$B$3\u001b(B</p>'))).toBe("iso-2022-jp");
  });
});

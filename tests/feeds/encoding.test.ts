// Feeds go through the same decoder as pages (safeFetch's text()); Miniflux's encoding cases, read from ../shared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFeed } from "@/lib/feeds/parse";
import { decodeText } from "@/lib/net/charset";
import { sharedPath } from "@/tests/support/shared";

const miniflux = (name: string) =>
  readFileSync(path.join(sharedPath("corpora/feeds/miniflux/encoding/testdata"), name));
const titleOf = async (name: string, contentType = "application/rss+xml") =>
  (await parseFeed(decodeText(miniflux(name), contentType), "http://example.com/")).title;

describe("feed encodings (Miniflux's cases)", () => {
  it("reads 0x80 in a windows-1252 feed as the euro sign", async () => {
    expect(await titleOf("windows-1252.xml")).toBe("Euro \u20ac");
  });

  it("reads an ISO-8859-1 feed", async () => {
    expect(await titleOf("iso-8859-1.xml")).toBe("Caf\u00e9");
  });

  it("reads a KOI8-R feed", async () => {
    expect(await titleOf("koi8r.xml")).toBe("Пример RSS ленты");
  });

  it("reads a UTF-8 feed whose prolog still names windows-1252", async () => {
    expect(await titleOf("windows-1252-incorrect-prolog.xml")).toBe("Euro \u20ac");
  });

  it("lets the HTTP header's charset win over the prolog", async () => {
    expect(await titleOf("windows-1252.xml", "application/rss+xml; charset=iso-8859-1")).toBe("Euro \u20ac");
  });
});

// Legacy double-byte text built with the platform's own decoder: the byte pair that decodes to each character.
function encodeLegacy(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a character in this encoding
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const pair = code < 0x80 ? [code] : table.get(ch);
    if (!pair) throw new Error(`${ch} is not in ${encoding}`);
    out.push(...pair);
  }
  return Buffer.from(out);
}

const rss = (title: string, declaration = '<?xml version="1.0"?>') =>
  `${declaration}<rss version="2.0"><channel><title>${title}</title><link>http://example.com/</link>` +
  `<item><title>${title}</title><link>http://example.com/1</link></item></channel></rss>`;

const parseBytes = (body: Uint8Array, contentType = "text/xml") =>
  parseFeed(decodeText(body, contentType), "http://example.com/");

describe("feeds that do not say their encoding", () => {
  it.each([
    ["EUC-KR", "euc-kr", "한국 뉴스: 서울 시장 선거 결과 발표"],
    ["Shift_JIS", "shift_jis", "東京のニュース：選挙の結果を発表しました"],
    ["GBK", "gbk", "北京新闻：选举结果已经公布"],
  ])("reads an undeclared %s feed by its bytes, not as windows-1252", async (_name, encoding, title) => {
    const feed = await parseBytes(encodeLegacy(rss(title), encoding));
    expect(feed.title).toBe(title);
    expect(feed.items[0].title).toBe(title);
  });

  it("keeps undeclared Latin-1 as windows-1252", async () => {
    const feed = await parseBytes(Buffer.from(rss("Ä la carte: Café Müller öffnet"), "latin1"));
    expect(feed.title).toBe("Ä la carte: Café Müller öffnet");
  });

  it.each([
    ["little", "le"],
    ["big", "be"],
  ] as const)("reads a %s-endian UTF-16 feed without a BOM by its first character", async (_name, endian) => {
    const le = Buffer.from(rss("Grüße aus 東京", '<?xml version="1.0" encoding="UTF-16"?>'), "utf16le");
    const feed = await parseBytes(endian === "le" ? le : Buffer.from(le).swap16());
    expect(feed.title).toBe("Grüße aus 東京");
  });

  // Miniflux's decoder cases: blank lines before the declaration, a declaration padded past 4 KB.
  it.each([
    ["after 8192 blank lines", `${"\n".repeat(8192)}<?xml version="1.0" encoding="windows-1251"?>`],
    ["padded with 4096 spaces", `<?xml version="1.0"${" ".repeat(4096)}encoding="windows-1251"?>`],
  ])("finds an XML declaration %s", async (_name, declaration) => {
    const title = "Цитата #17703";
    const body = Buffer.from(new TextEncoder().encode(rss("@@", declaration)));
    const cp1251 = Buffer.from([0xd6, 0xe8, 0xf2, 0xe0, 0xf2, 0xe0, 0x20, 0x23, 0x31, 0x37, 0x37, 0x30, 0x33]);
    const at = body.indexOf("@@");
    const bytes = Buffer.concat([body.subarray(0, at), cp1251, body.subarray(at + 2)]);
    const feed = await parseBytes(bytes);
    expect(feed.title).toBe(title);
  });
});

// Generators of hostile input for the property tests: what a careless or malicious publisher can put in a page,
// a feed or a link. Every generator is bounded (well under 1 MB) so that a case measures the code, not the input.
import fc from "fast-check";

/** Bytes with no structure at all, decoded as the functions would see them (UTF-8, replacement characters). */
export const randomBytes = fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b));
export const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 2000 }),
  randomBytes.map((b) => b.toString("utf8")),
  randomBytes.map((b) => b.toString("latin1")),
);

const TAGS = ["div", "p", "section", "article", "span", "b", "a", "blockquote", "ul", "li", "table", "td", "font"];

/** Up to 60,000 levels of one tag around a paragraph: recursive walkers overflow the stack on this. */
export const deeplyNested = fc
  .record({ tag: fc.constantFrom(...TAGS), depth: fc.integer({ min: 1, max: 60_000 }), closed: fc.boolean() })
  .map(
    ({ tag, depth, closed }) =>
      `<html><body>${`<${tag}>`.repeat(depth)}<p>${PROSE}</p>${closed ? `</${tag}>`.repeat(depth) : ""}</body></html>`,
  );

/** One attribute value of up to 300 KB, in the places extraction reads attributes from. */
export const hugeAttribute = fc
  .record({
    size: fc.integer({ min: 1, max: 300_000 }),
    char: fc.constantFrom("a", '"', "'", " ", "&", "<", "é", "\u0000", "%"),
    where: fc.constantFrom(
      (v: string) => `<meta property="og:title" content="${v}">`,
      (v: string) => `<link rel="canonical" href="https://a.example/${v}">`,
      (v: string) => `<a href="${v}">link</a>`,
      (v: string) => `<img src="x" alt="${v}">`,
      (v: string) => `<div class="${v}" id="${v}">`,
      (v: string) => `<time datetime="${v}">`,
    ),
  })
  .map(({ size, char, where }) => page(where(char.repeat(size))));

const ENTITIES = [
  "&amp;",
  "&lt;",
  "&#0;",
  "&#x0;",
  "&#xD800;",
  "&#1114112;",
  "&#99999999999;",
  "&nbsp",
  "&",
  "&#",
  "&#x;",
  "&unknownentity;",
  "&amp;amp;",
  "&#x1F600;",
  "&ZeroWidthSpace;",
];

/** Thousands of entities, valid, invalid, out of range and unterminated. */
export const entityStorm = fc
  .record({
    parts: fc.array(fc.constantFrom(...ENTITIES), { minLength: 1, maxLength: 40 }),
    times: fc.integer({ min: 1, max: 3000 }),
  })
  .map(({ parts, times }) => parts.join("").repeat(times));

const CHARSETS = [
  "utf-8",
  "UTF-16",
  "utf-16le",
  "utf-32",
  "ebcdic",
  "x-user-defined",
  "replacement",
  "iso-2022-jp",
  "windows-1252",
  "koi8-r",
  "gbk",
  "shift_jis",
  "",
  '"',
  "utf-8\u0000",
  "a".repeat(300),
  "unicode-1-1-utf-7",
  "big5-hkscs",
  "euc-kr",
];

/** Two or more charset declarations that disagree, in the meta tag, the XML prolog and the header. */
export const encodingDeclarations = fc.record({
  first: fc.constantFrom(...CHARSETS),
  second: fc.constantFrom(...CHARSETS),
  header: fc.option(fc.constantFrom(...CHARSETS), { nil: null }),
  bom: fc.constantFrom("", "\uFEFF", "\uFFFE"),
});

export const PROSE =
  "The council voted on Tuesday to approve the new budget, which raises spending on schools and roads by a tenth. Members argued for three hours before the vote.";

export function page(body: string, head = ""): string {
  return `<!doctype html><html><head><title>A headline</title>${head}</head><body><article>${body}<p>${PROSE}</p></article></body></html>`;
}

/** HTML built from random pieces of markup, text and entities: structure that no fixture imitates. */
export const markupSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<br>",
        "<table><tr><td>",
        "<svg><math>",
        "<template>",
        "<noscript>",
        "<",
        ">",
        "</",
        "/>",
        "<a href='javascript:alert(1)'>",
        "<base href='ftp://x'>",
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
        '{"@graph":[[[[',
        "}",
        "]",
      ),
      fc.constantFrom(PROSE, "Short line.", "\u202Ebidi\u202C", "\u0000", "\uD800", "\r\n", "\t"),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...ENTITIES),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(""));

const SCHEMES = [
  "http",
  "https",
  "HTTP",
  "hTtPs",
  "ftp",
  "javascript",
  "data",
  "file",
  "blob",
  "ws",
  "mailto",
  "x-1+a.b",
  "",
];
const HOSTS = [
  "example.com",
  "EXAMPLE.com.",
  "example.com..",
  "EXAMPLE.com...",
  "a..b",
  "xn--nxasmq6b.com",
  "例え.jp",
  "127.0.0.1",
  "0x7f.1",
  "2130706433",
  "[::1]",
  "[::ffff:127.0.0.1]",
  "[fe80::1%25eth0]",
  "[2001:db8::1]",
  "[::127.0.0.1]",
  "[",
  "%65xample.com",
  "exa%00mple.com",
  "",
  ".",
  "..",
  "a".repeat(300),
  "host_with_underscore",
  "-leading.dash",
  "xn--",
  "localhost",
];
const PATHS = [
  "",
  "/",
  "/a/../b",
  "/%2e%2e/",
  "/%",
  "/%zz",
  "/%E2%82%AC",
  "/index.html",
  "/a//",
  "/\u00e9",
  "//double",
  "/a b",
  "/a\\b",
  "/\u0000",
  "/;params",
  "/a?",
  "?q=1&utm_source=x&b=%",
  "#frag",
  "?utm_medium=a#b",
];

/** URLs with odd schemes, ports, credentials, IPv6 literals and percent-encoding, and random strings. */
export const hostileUrl = fc.oneof(
  fc
    .record({
      scheme: fc.constantFrom(...SCHEMES),
      slashes: fc.constantFrom("://", ":", ":/", ":///", "://\\", ":\\\\"),
      user: fc.option(fc.constantFrom("u", "u:p", ":", "a@b", "%40", "user:pa%3Ass"), { nil: null }),
      host: fc.constantFrom(...HOSTS),
      port: fc.option(
        fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constantFrom("", "x", "-1", "080", "99999999999")),
        { nil: null },
      ),
      path: fc.array(fc.constantFrom(...PATHS), { maxLength: 4 }),
      pad: fc.constantFrom("", " ", "\t", "\n", "\u0000", "\u00A0"),
    })
    .map(
      ({ scheme, slashes, user, host, port, path, pad }) =>
        `${pad}${scheme}${slashes}${user === null ? "" : `${user}@`}${host}${port === null ? "" : `:${port}`}${path.join("")}${pad}`,
    ),
  fc.webUrl({ withFragments: true, withQueryParameters: true, validSchemes: ["http", "https"] }),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

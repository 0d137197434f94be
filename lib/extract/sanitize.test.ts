import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { sanitizeHtml } from "./sanitize";

const ALLOWED = new Set([
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
]);
const ALLOWED_ATTRS = new Set(["href", "rel", "src", "alt", "colspan", "rowspan", "scope"]);

// OWASP XSS filter-evasion cheat sheet style payloads, plus a few mXSS and parser-confusion classics.
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `<img src=x onerror=alert(1)>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav	ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<a href="jav&#x09;ascript:alert(1)">click</a>`,
  `<a href="  JaVaScRiPt:alert(1)">click</a>`,
  `<a href="&#x6A;avascript&colon;alert(1)">click</a>`,
  `<a href="java\0script:alert(1)">click</a>`,
  `<a href="vbscript:msgbox(1)">click</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>`,
  `<a href="javascript&#58;alert(1)">click</a>`,
  `<a href="#" onclick="alert(1)" onmouseover=alert(1)>click</a>`,
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<math href="javascript:alert(1)">CLICKME</math>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<style>body{background:url("javascript:alert(1)")}</style>`,
  `<p style="background-image:url(javascript:alert(1))">styled</p>`,
  `<div style="width: expression(alert('XSS'));">x</div>`,
  `<form action="javascript:alert(1)"><input type=submit></form>`,
  `<button formaction="javascript:alert(1)">x</button>`,
  `<body onload=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror="alert(1)"></video>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  `<link rel=stylesheet href="javascript:alert(1)">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  `<img """><script>alert(1)</script>">`,
  `<<SCRIPT>alert("XSS");//<</SCRIPT>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>">`,
  `<template><script>alert(1)</script></template>`,
  `<table background="javascript:alert(1)"><tr><td onclick=alert(1)>x</td></tr></table>`,
  `<blockquote cite="javascript:alert(1)">q</blockquote>`,
  `<img src="x:x" onerror="alert(1)">`,
  `<a href="http://ok.example/" target=_blank rel=opener>ok</a>`,
];

/** Everything in the output that a browser could execute or that escaped the allowlist. */
function findDanger(html: string): string[] {
  const $ = load(`<body>${html}</body>`);
  const problems: string[] = [];
  $("body *").each((_, el) => {
    if (el.type !== "tag") return;
    if (!ALLOWED.has(el.tagName)) problems.push(`tag <${el.tagName}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (!ALLOWED_ATTRS.has(name)) problems.push(`attribute ${name} on <${el.tagName}>`);
      if ((name === "href" || name === "src") && !/^(https?:|mailto:|[^:]*$)/i.test(value.trim())) {
        problems.push(`${name}=${value}`);
      }
    }
  });
  if (/<\s*script/i.test(html)) problems.push("script tag in markup");
  return problems;
}

describe("sanitizeHtml", () => {
  it.each(PAYLOADS)("leaves nothing executable from %s", (payload) => {
    const out = sanitizeHtml(`<p>before</p>${payload}<p>after</p>`, { baseUrl: "https://news.example/a/b.html" });
    expect(findDanger(out)).toEqual([]);
    expect(out).not.toMatch(/javascript:|vbscript:|data:|onerror|onload|onclick|srcdoc|expression\(/i);
    // Text after an unclosed <svg> or <noscript> may go with it; text before the payload must not.
    expect(out).toContain("<p>before</p>");
  });

  it("keeps article markup: headings, lists, quotes, emphasis, figures, tables, code", () => {
    const html =
      "<h2>Section</h2><p>Text with <em>em</em>, <strong>strong</strong>, <b>b</b>, <i>i</i> and <q>a quote</q>.</p>" +
      "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>Said <cite>Someone</cite></p></blockquote>" +
      '<figure><img src="https://cdn.example/p.jpg" alt="A photo" /><figcaption>Caption</figcaption></figure>' +
      "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table><pre><code>x = 1</code></pre>";
    expect(sanitizeHtml(html)).toBe(html);
  });

  it("drops unknown tags but keeps their text, and strips class, id and style", () => {
    expect(sanitizeHtml('<div class="x" id="y"><p style="color:red">Hello <span>world</span></p></div>')).toBe(
      "<p>Hello world</p>",
    );
  });

  it("turns an h1 inside the body into an h2", () => {
    expect(sanitizeHtml("<h1>Part one</h1>")).toBe("<h2>Part one</h2>");
  });

  it("marks links nofollow noopener noreferrer and resolves relative URLs against the base", () => {
    const out = sanitizeHtml('<a href="../other?id=1" target="_blank" rel="opener">x</a><img src="/i.png" alt="i">', {
      baseUrl: "https://news.example/world/2024/story.html",
    });
    expect(out).toBe(
      '<a href="https://news.example/world/other?id=1" rel="nofollow noopener noreferrer">x</a>' +
        '<img src="https://news.example/i.png" alt="i" />',
    );
  });

  it("keeps plain relative links when there is no base, and drops images that are not http(s)", () => {
    expect(sanitizeHtml('<a href="/path">x</a>')).toBe('<a href="/path" rel="nofollow noopener noreferrer">x</a>');
    expect(sanitizeHtml('<img src="ftp://x.example/a.png">')).toBe("");
    expect(sanitizeHtml('<a href="mailto:desk@news.example">mail</a>')).toContain('href="mailto:desk@news.example"');
  });

  it("drops the content of script, style, iframe, svg and math rather than showing it as text", () => {
    const out = sanitizeHtml(
      "<p>a</p><script>var x</script><style>p{}</style><svg><text>s</text></svg><math><mi>m</mi></math>",
    );
    expect(out).toBe("<p>a</p>");
  });
});

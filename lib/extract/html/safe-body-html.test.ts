import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sanitizeHtml } from "../sanitize";
import { simplifyBodyHtml } from "@/tests/support/reference-body-html";
import { loadHtml } from "./index";
import { measureTree } from "./measure";
import { safeBodyHtml } from "./safe-body-html";

// safeBodyHtml must write nothing sanitizeHtml (the authority on safety) would not: every start tag with its
// attributes must be one the authority emits for the same body, and re-parsed by it the output must be what the
// authority makes of the simplified body (re-parsing only re-nests misplaced blocks).
function expectSameAsSanitized(html: string, baseUrl?: string, label?: string) {
  const { fast, reference: raw } = both(html, baseUrl);
  const reference = withoutKnownQuirks(raw);
  expect(withoutKnownQuirks(sanitizeHtml(fast, baseUrl ? { baseUrl } : {})), label).toBe(reference);
  const allowed = new Set(startTags(reference));
  for (const tag of startTags(fast)) expect(allowed.has(tag), `${label ?? ""} ${tag}`).toBe(true);
  return fast;
}

// Where the two differ on purpose: the old path wrapped a source-less image in a paragraph and then lost the
// image (an empty <p></p>), and sanitize-html keeps rel on a link whose protocol-relative href it drops.
function withoutKnownQuirks(html: string): string {
  return html.replace(/<p>\s*<\/p>/g, "").replaceAll('<a rel="nofollow noopener noreferrer">', "<a>");
}

function startTags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/g) ?? [];
}

function both(html: string, baseUrl?: string) {
  const body = () => {
    const root = loadHtml(html.includes("<body") ? html : `<body>${html}</body>`)("body")[0];
    measureTree(root); // drops scripts, forms and hidden blocks, as extraction does first
    return root;
  };
  return {
    fast: safeBodyHtml([body()], baseUrl),
    reference: sanitizeHtml(simplifyBodyHtml([body()]), baseUrl ? { baseUrl } : {}),
  };
}

const HOSTILE = `
<div>Loose text with <b>bold</b> & "quotes" &lt;not a tag&gt; &amp;amp; &nbsp;and more loose text here.
  <p onclick="alert(1)" style="color:red" class="x">A <a href="javascript:alert(1)">script link</a>,
  a <a href=" JaVaScRiPt:alert(1)">cased one</a>, a <a href="jav&#x09;ascript:alert(1)">tabbed one</a>,
  a <a href="/relative?a=1&amp;b=2" target="_blank" onmouseover="x()">relative one</a>,
  a <a href="mailto:desk@example.com">mail one</a>, a <a href="data:text/html,<script>x</script>">data one</a>,
  a <a href="//evil.example/x">protocol-relative one</a> and an <a>anchor</a>.</p>
  <img src="javascript:alert(1)" alt="bad"><img src="data:image/png;base64,AAAA" data-src="/lazy.jpg" alt="lazy &quot;one&quot;">
  <img src="https://cdn.example/a.jpg" alt="" onerror="x()"><img alt="no source">
  <h1 id="h">Heading one</h1><h3>Heading <em>three</em></h3>
  <table border="1"><tr><th colspan="2" scope="col" style="x">Head</th></tr><tr><td rowspan="3" colspan="">Cell</td><td>Two</td></tr></table>
  <svg><text>vector</text></svg><script>alert("x")</script><style>p{}</style><iframe src="https://x"></iframe>
  <form><input value="x"><button>Go</button><select><option>One</option></select><textarea>t</textarea></form>
  <blockquote><p>Quoted <q>words</q> and <cite>a source</cite>.</p></blockquote>
  <ul><li>One <code>x &lt; y</code></li><li><span>Two</span></li></ul><pre>  keep   spacing  </pre>
  <figure><img src="b.png"><figcaption>Caption</figcaption></figure><span>trailing inline</span>
</div>`;

describe("safeBodyHtml", () => {
  it("writes only what sanitizeHtml would, on hostile markup, with and without a base URL", () => {
    for (const base of ["https://news.example.com/2024/story", undefined]) {
      const fast = expectSameAsSanitized(HOSTILE, base);
      expect(fast).not.toMatch(/javascript|onclick|onerror|style=|<script|<svg|data:|alert|vector|<input|<iframe/i);
    }
  });

  it("writes only what sanitizeHtml would for the test pages", () => {
    const dir = path.join(import.meta.dirname, "testdata");
    for (const file of readdirSync(dir)) {
      expectSameAsSanitized(readFileSync(path.join(dir, file), "utf8"), "https://www.example.com/a/b", file);
    }
  });

  // The whole <body> of real news pages (not only the chosen article): far more markup variety than fixtures.
  const corpus = path.resolve(import.meta.dirname, "../../../../shared/corpora/extraction");
  it.skipIf(!existsSync(path.join(corpus, "ground-truth.json")))(
    "writes only what sanitizeHtml would for the whole body of the corpus pages",
    () => {
      const truth = JSON.parse(readFileSync(path.join(corpus, "ground-truth.json"), "utf8")) as Record<
        string,
        { url: string }
      >;
      let compared = 0;
      for (const file of readdirSync(path.join(corpus, "html"))) {
        const id = file.replace(/\.html\.gz$/, "");
        const html = gunzipSync(readFileSync(path.join(corpus, "html", file))).toString("utf8");
        expectSameAsSanitized(html, truth[id]?.url, file);
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
    },
  );
});

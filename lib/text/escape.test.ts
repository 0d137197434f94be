import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  escapeHtmlAttribute,
  escapeHtmlText,
  escapeXml,
  escapeXmlAttribute,
  stripInvalidXmlChars,
} from "./escape";

describe("escapeHtml", () => {
  it("escapes the five markup characters with named entities and &#39;", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });

  it("leaves every other character alone, control characters included", () => {
    expect(escapeHtml("a\u0000b\td\nÀ🇺🇦")).toBe("a\u0000b\td\nÀ🇺🇦");
  });
});

describe("escapeHtmlText and escapeHtmlAttribute", () => {
  it("escape what sanitize-html escapes and nothing more", () => {
    expect(escapeHtmlText(`Tom & "Jerry's" <b>`)).toBe(`Tom &amp; "Jerry's" &lt;b&gt;`);
    expect(escapeHtmlAttribute(`a&b "c" 'd' <e>`)).toBe(`a&amp;b &quot;c&quot; 'd' &lt;e&gt;`);
    expect(escapeHtmlText("plain")).toBe("plain");
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML 1.0 forbids, keeping astral characters", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(stripInvalidXmlChars("a\u0000b\u0008c\td\ne\uFFFEf\uD800g🇺🇦")).toBe("abc\td\nefg🇺🇦");
  });

  it("keeps line breaks and tabs literal in text", () => {
    expect(escapeXml("a\nb\r\tc")).toBe("a\nb\r\tc");
  });
});

describe("escapeXmlAttribute", () => {
  it("also writes line breaks and tabs as character references, so attribute values keep them", () => {
    expect(escapeXmlAttribute(`a"b'<c>&d\n`)).toBe("a&quot;b&apos;&lt;c&gt;&amp;d&#10;");
    expect(escapeXmlAttribute("a\r\tb\u0001\uDC00")).toBe("a&#13;&#9;b");
  });
});

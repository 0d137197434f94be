import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findUnsafeChar, findUrlUnsafeChar, plainText, urlText } from "./safe-text";

const BIDI = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];
const ZERO_WIDTH = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0080", "\u0085", "\u009F"];
const LINE_BREAKS = ["\n", "\r", "\t", "\u2028", "\u2029"];
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

describe("plainText", () => {
  const line = plainText("a name").max(80);
  const multi = plainText("a summary", { multiline: true });

  it("refuses every bidi control, zero-width and control character inside a name, naming it and where it is", () => {
    for (const c of [...BIDI, ...ZERO_WIDTH, ...CONTROLS, ...LINE_BREAKS]) {
      const r = line.safeParse(`Ukr${c}aine`);
      expect(r.success, hex(c)).toBe(false);
      expect(r.error!.issues[0]!.message).toBe(
        `a name cannot contain invisible or control characters (${hex(c)} at character 4); retype it without them`,
      );
    }
  });

  it("keeps line breaks and tabs in a multi-line field, and refuses the rest there too", () => {
    expect(multi.parse("First.\r\n\tSecond.\nThird.")).toBe("First.\r\n\tSecond.\nThird.");
    for (const c of [...BIDI, ...ZERO_WIDTH, ...CONTROLS, "\u2028", "\u2029"])
      expect(multi.safeParse(`First.\n${c}Second.`).success, hex(c)).toBe(false);
  });

  it("accepts ordinary text in any script, and the joiners only where a script or an emoji needs them", () => {
    for (const ok of [
      "Ukraine: peace talks",
      "Élysée — «Sommet» 2026",
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // Persian, with its zero-width non-joiner
      "\u0915\u094D\u200D\u0937", // Devanagari half form with ZWJ
      "\u{1F469}\u200D\u{1F52C} science", // woman scientist, a ZWJ sequence
      "\u{1F3F3}\uFE0F\u200D\u{1F308}", // rainbow flag
      "日本語のニュース",
    ])
      expect(line.parse(ok)).toBe(ok);
    // Between Latin letters, at an edge, or on their own they only make a look-alike.
    for (const bad of ["Ukr\u200Caine", "Ukr\u200Daine", "\u200C\u0645", "\u0645\u200C", "\u200D"])
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("trims surrounding whitespace, a pasted byte-order mark included, rather than refusing it", () => {
    expect(line.parse(" \uFEFFReuters \n")).toBe("Reuters");
  });

  it("refuses a lone surrogate", () => {
    expect(findUnsafeChar("a\uD800b")).toEqual({ char: "U+D800", at: 2 });
  });
});

describe("urlText", () => {
  const url = urlText("the feed URL").pipe(z.url());

  it("refuses a NUL and any control, format or space character inside a URL", () => {
    for (const c of ["\u0000", "\t", "\n", "\r", " ", "\u00A0", "\u3000", "\u0085", "\u200B", "\u202E", "\uFEFF"]) {
      const r = url.safeParse(`https://example.com/a${c}b`);
      expect(r.success, hex(c)).toBe(false);
      expect(r.error!.issues[0]!.message).toContain(`(${hex(c)} at character 22)`);
    }
  });

  it("accepts ordinary URLs, surrounding whitespace trimmed", () => {
    expect(url.parse("  https://example.com/a?b=c#d\n")).toBe("https://example.com/a?b=c#d");
    expect(findUrlUnsafeChar("https://bücher.example/ü")).toBeNull();
  });
});

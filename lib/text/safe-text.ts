// Text an editor or a source list types into a name, title or URL, checked in one place. React escapes what it
// prints, so markup is harmless; what is not harmless is the character nobody sees: a bidi override makes
// a name read backwards from where U+202E sits, a zero-width space makes two tags that look identical, a control character
// hides a line break in a one-line name, a NUL or a tab in a URL is read differently by each parser.
//
// Refused, not stripped: the editor gets a clear error naming the character and where it is, and the audit log
// then records exactly what they typed. Stripping would silently store something other than what was sent, and
// for the joiners (below) would change how a word is written. The one thing removed is what `trim()` removes
// anyway: surrounding whitespace, which includes a byte-order mark pasted from a file.
import { z } from "zod";

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks (U+200E, U+200F, U+061C);
// zero-width space, word joiner and the BOM inside text (U+200B, U+2060, U+FEFF); line and paragraph separators,
// which are line breaks that a one-line field would otherwise let through; lone surrogates.
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|\p{Cs}/u;

// Zero-width non-joiner and joiner are part of how words are spelt in Persian, Arabic and the Indic scripts
// (U+200C in Persian "mi-khaham"), and ZWJ builds emoji sequences (woman + ZWJ + microscope). They are allowed there, between two characters of such a
// script or two emoji, and nowhere else: between Latin letters they only make a look-alike of another name.
const JOINING_SCRIPTS = [
  "Arabic",
  "Syriac",
  "Nko",
  "Mongolian",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Myanmar",
  "Khmer",
]
  .map((s) => `\\p{scx=${s}}`)
  .join("");
const EMOJI = "\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\uFE0F";
const JOINER_IN_WORD = new RegExp(`(?<=[${JOINING_SCRIPTS}])[\\u200C\\u200D](?=[${JOINING_SCRIPTS}])`, "gu");
const JOINER_IN_EMOJI = new RegExp(`(?<=[${EMOJI}])\\u200D(?=\\p{Extended_Pictographic})`, "gu");

// Every C0 and C1 control and DEL (\p{Cc}); a multi-line field keeps tab, line feed and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_MULTILINE = /(?![\t\n\r])\p{Cc}/u;

// A URL has no business containing any control, format or space character: browsers drop tabs and newlines
// from it (so "/\t/evil.example" becomes "//evil.example"), servers stop at a NUL.
const URL_UNSAFE = /[\p{Cc}\p{Cf}\p{Z}]|\p{Cs}/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where the first character a reader would not see is, and which it is; null when there is none. */
export function findUnsafeChar(s: string, options: { multiline?: boolean } = {}): { char: string; at: number } | null {
  // The joiners in their place become a harmless stand-in (same length, so positions stay true).
  const t = s.replace(JOINER_IN_WORD, "a").replace(JOINER_IN_EMOJI, "a");
  const control = options.multiline ? CONTROL_MULTILINE : CONTROL;
  const m = new RegExp(`${INVISIBLE.source}|${control.source}|[\\u200C\\u200D]`, "u").exec(t);
  return m ? { char: codePoint(m[0]), at: [...t.slice(0, m.index)].length + 1 } : null;
}

/** The label starts the message ("a tag name cannot contain..."); "" where the caller names the field itself. */
function describe(label: string, hit: { char: string; at: number }, kind: string): string {
  return `${label ? `${label} ` : ""}cannot contain ${kind} (${hit.char} at character ${hit.at}); retype it without them`;
}

/**
 * A trimmed string without bidi controls, zero-width characters (but for joiners where a script needs them) or
 * control characters; `multiline` keeps line breaks and tabs. Chain `.min()`/`.max()` after it.
 */
export function plainText(label: string, options: { multiline?: boolean } = {}) {
  return z
    .string({ error: `${label || "it"} must be text` })
    .trim()
    .check((ctx) => {
      const hit = findUnsafeChar(ctx.value, options);
      if (hit)
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: describe(label, hit, "invisible or control characters"),
        });
    });
}

/** Where the first control, format or space character of a URL is; null when there is none. */
export function findUrlUnsafeChar(s: string): { char: string; at: number } | null {
  const m = URL_UNSAFE.exec(s);
  return m ? { char: codePoint(m[0]), at: [...s.slice(0, m.index)].length + 1 } : null;
}

/** A trimmed string with no control, format or whitespace character inside; pipe it into z.url(). */
export function urlText(label: string) {
  return z
    .string({ error: `${label || "it"} must be text` })
    .trim()
    .check((ctx) => {
      const hit = findUrlUnsafeChar(ctx.value);
      if (hit)
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: describe(label, hit, "spaces, control or invisible characters"),
        });
    });
}

// Copied page text arrives with NBSPs, zero-width joiners, tabs and Windows line ends; everything downstream
// compares lines, so they are cleaned once here.

/** One cleaned, non-empty line of the dump with its position in the original. */
export interface DumpLine {
  index: number;
  text: string;
}

export function normaliseWhitespace(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

// Hard-wrapped text (mail, PDFs, <br>-broken pages) splits sentences across lines: a line that stops
// mid-clause followed, with no blank line between, by one starting in lowercase is the same paragraph.
const STOPS_MID_CLAUSE = /[\p{L}\p{N},;]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

export function toDumpLines(input: string): DumpLine[] {
  // A paragraph's lines are gathered as parts and joined once at the end: re-joining (and re-testing) the
  // growing paragraph for every continuation line made a long hard-wrapped page quadratic.
  const paragraphs: Array<{ index: number; parts: string[] }> = [];
  let previousRaw = "";
  input
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, index) => {
      const text = normaliseWhitespace(raw);
      const last = paragraphs.at(-1);
      // The joined paragraph ends where its last part ends, so testing that part is testing the paragraph.
      if (text && last && previousRaw && STOPS_MID_CLAUSE.test(last.parts.at(-1)!) && STARTS_LOWERCASE.test(text)) {
        last.parts.push(text);
      } else if (text) {
        paragraphs.push({ index, parts: [text] });
      }
      previousRaw = text;
    });
  return paragraphs.map(({ index, parts }) => ({ index, text: parts.join(" ") }));
}

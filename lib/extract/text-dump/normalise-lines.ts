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
  const lines: DumpLine[] = [];
  let previousRaw = "";
  input
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, index) => {
      const text = normaliseWhitespace(raw);
      const last = lines.at(-1);
      if (text && last && previousRaw && STOPS_MID_CLAUSE.test(last.text) && STARTS_LOWERCASE.test(text)) {
        last.text = `${last.text} ${text}`;
      } else if (text) {
        lines.push({ index, text });
      }
      previousRaw = text;
    });
  return lines;
}

// `text.replace(/[…]+$/, "")` is quadratic in V8 on a long run of those characters followed by anything else:
// the match is retried from every position in the run, and each attempt scans to the run's end. A copied page
// controls its lines, so trailing runs are cut with one backward scan instead.

/** `text` without the run of characters at its end that each match `char` (a one-character class, no flags). */
export function trimTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0) {
    // Step back over a whole surrogate pair so astral characters are tested as one.
    const low = text.charCodeAt(end - 1);
    const width = end > 1 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    if (!char.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
}

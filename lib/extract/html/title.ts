// Page titles carry the outlet's name ("Headline | The Outlet", "Outlet - Headline"); the article title does not.

const SEPARATOR = /\s+[|\-–—:·•»«/]{1,2}\s+/;

/** Removes a leading or trailing outlet name, given the names it may appear under. */
export function stripSiteName(title: string, siteNames: string[]): string {
  const clean = title.replace(/\s+/g, " ").trim();
  const parts = clean.split(SEPARATOR);
  if (parts.length < 2) return clean;
  const names = siteNames.map(normalise).filter(Boolean);
  const isSite = (part: string) => {
    const n = normalise(part);
    return (
      n.length > 0 && names.some((name) => n === name || (n.length >= 3 && (n.includes(name) || name.includes(n))))
    );
  };
  const separators = clean.match(new RegExp(SEPARATOR, "g")) ?? [];
  if (isSite(parts[parts.length - 1])) return rejoin(parts.slice(0, -1), separators);
  if (isSite(parts[0])) return rejoin(parts.slice(1), separators.slice(1));
  // Unknown outlet name: a short last segment after a long headline is almost always the site.
  const last = parts[parts.length - 1];
  const head = rejoin(parts.slice(0, -1), separators);
  if (/[|–—]|\s-\s/.test(separators.at(-1) ?? "") && wordCount(last) <= 4 && wordCount(head) >= 4) return head;
  return clean;
}

function rejoin(parts: string[], separators: string[]): string {
  return parts.reduce((acc, part, i) => (i === 0 ? part : acc + separators[i - 1] + part), "").trim();
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/\.[a-z]{2,}(\.[a-z]{2})?$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

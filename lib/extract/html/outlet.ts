// The outlet behind a page: its registrable domain (public-suffix aware, so "bbc.co.uk", not "co.uk") and name.
import { getDomain } from "tldts";

/** Registrable domain of a URL without "www.", or null when it has none (IP address, localhost, garbage). */
export function registrableDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  const domain = getDomain(url); // ICANN suffixes only: "user.github.io" is an outlet on github.io
  return domain ? domain.toLowerCase() : null;
}

export function sameSite(a: string, b: string): boolean {
  const da = registrableDomain(a);
  return da !== null && da === registrableDomain(b);
}

/** Absolute URL of `href` against `base`, or null when it is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

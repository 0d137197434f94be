// Which site a page and the links it names belong to (registrable domains come from lib/net/domain).
import { registrableDomain } from "@/lib/net/domain";

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

// Which site a host or URL belongs to, public-suffix aware ("bbc.co.uk", not "co.uk"). Shared by the HTML
// extractor, the text-dump outlet finder and the sources catalogue, so every stage names a site the same way.
import { getDomain } from "tldts";

/**
 * Registrable domain of a host or URL, lower-cased, or null when it has none: an IP address, localhost, an empty
 * or unparsable string. ICANN suffixes only: "user.github.io" is an outlet on github.io.
 */
export function registrableDomain(hostOrUrl: string | null | undefined): string | null {
  if (!hostOrUrl) return null;
  const domain = getDomain(hostOrUrl);
  return domain ? domain.toLowerCase() : null;
}

/** The bare host of a host or URL: lower-cased, without "www.", port, path or trailing dot; "" when unparsable. */
export function normaliseHost(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return "";
    }
  } else {
    host = host.replace(/[/?#:].*$/, "");
  }
  return host.replace(/^www\./, "").replace(/\.$/, "");
}

/**
 * How a site is keyed where a host without a registrable domain still counts: the registrable domain, else the
 * bare host itself ("localhost", "192.0.2.1"), else "" for an unparsable string.
 */
export function siteDomain(hostOrUrl: string): string {
  const host = normaliseHost(hostOrUrl);
  return registrableDomain(host) ?? host;
}

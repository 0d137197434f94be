import { siteDomain } from "@/lib/net/domain";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";

/** The Source.domain a URL belongs to: the catalogue's outlet when it knows the host, else the registrable domain. */
export function sourceDomainFor(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return findOutletByDomain(host)?.domain ?? (siteDomain(host) || null);
}

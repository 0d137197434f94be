// Which sites a feed speaks for. The text a feed carries (its content or summary) is the feed's word, not the
// page's: stored as an article it is filed under the site its link names. Left unchecked, any feed could store
// made-up articles under any outlet's name, or, with a link the fetcher refuses (http://x@host/<stored path>),
// put its text at a stored article's URL.
import type { Db } from "@/lib/db";
import { normaliseHost, siteDomain } from "@/lib/net/domain";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";

/** A site domain and, when the catalogue knows its outlet, every domain that outlet publishes under. */
export function outletDomains(domain: string): string[] {
  const known = findOutletByDomain(domain);
  return [...new Set([domain, ...(known ? [known.domain, ...known.altDomains] : [])].filter(Boolean))];
}

/** The feed's outlet's domains: its Source's, else (a feed filed under no outlet) its own site's. */
export async function feedOutletDomains(db: Db, feed: { id: number; url: string }): Promise<string[]> {
  const row = await db.feed.findUnique({ where: { id: feed.id }, select: { source: { select: { domain: true } } } });
  return outletDomains(row?.source?.domain ?? siteDomain(feed.url));
}

/** Whether the URL's host is one of the domains or a subdomain of one (not a look-alike such as notbbc.com). */
export function isUnderDomains(url: string, domains: string[]): boolean {
  const host = normaliseHost(url);
  return host !== "" && domains.some((d) => host === d || host.endsWith(`.${d}`));
}

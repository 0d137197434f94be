// The SSRF guard: Parallax fetches URLs that come from feeds and users, so a URL must never reach the machine's
// own network (loopback, LAN, cloud metadata at 169.254.169.254, ...). We resolve the host ourselves, refuse if
// any address is not plain public unicast, and hand back the checked address so the connection can be pinned to
// it: a second DNS answer between check and connect (DNS rebinding) is then never consulted.
import { promises as dns } from "node:dns";
import ipaddr from "ipaddr.js";
import { BlockedUrlError } from "./errors";

export { BlockedUrlError } from "./errors";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** DNS resolution, injectable so tests can simulate hostile answers without a real resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface AssertPublicUrlOptions {
  /** "host" or "host:port" entries that may resolve to anything (FETCH_ALLOW_HOSTS; test fixture servers). */
  allowHosts?: string[];
  resolve?: Resolver;
}

export interface CheckedUrl {
  url: URL;
  /** The address the connection must use. */
  address: string;
  family: number;
}

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Why an address is refused, or null when it is ordinary public unicast. */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "unparseable address";
  let ip = ipaddr.parse(address);
  // ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d, so judge it as that.
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === "unicast" ? null : range;
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : "80";
}

/** Bare hostname as the allow list spells it: lower case, no IPv6 brackets, no trailing dot. */
function plainHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

export function isAllowedHost(url: URL, allowHosts: readonly string[] = []): boolean {
  if (allowHosts.length === 0) return false;
  const host = plainHost(url.hostname);
  const port = url.port || defaultPort(url.protocol);
  return allowHosts.some((entry) => {
    const e = entry.trim().toLowerCase();
    // "[::1]:8080", "[::1]", "::1", "host:port", "host"
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
    if (bracketed) return bracketed[1] === host && (!bracketed[2] || bracketed[2] === port);
    if (e.split(":").length > 2) return e === host; // bare IPv6
    const [h, p] = e.split(":");
    return plainHost(h) === host && (!p || p === port);
  });
}

/**
 * Checks that a URL may be fetched and returns the address to connect to. Throws BlockedUrlError otherwise.
 * Numeric host tricks (http://2130706433/, http://0x7f.1/) need no special case: the WHATWG parser normalises
 * them to dotted quads, which then resolve to themselves and are judged like any other address.
 */
export async function assertPublicUrl(input: string | URL, opts: AssertPublicUrlOptions = {}): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new BlockedUrlError(`Not a valid URL: ${String(input).slice(0, 200)}`);
  }
  const shown = url.href;
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BlockedUrlError(`Only http and https URLs may be fetched, not ${url.protocol}`, shown);
  }
  if (url.username || url.password) {
    throw new BlockedUrlError("URLs with credentials are not fetched", shown);
  }
  const hostname = plainHost(url.hostname);
  if (!hostname) throw new BlockedUrlError("URL has no host", shown);

  let addresses: ResolvedAddress[];
  try {
    addresses = await (opts.resolve ?? systemResolver)(hostname);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BlockedUrlError(`Could not resolve ${hostname}${code ? ` (${code})` : ""}`, shown);
  }
  if (addresses.length === 0) throw new BlockedUrlError(`${hostname} resolves to no address`, shown);

  if (!isAllowedHost(url, opts.allowHosts)) {
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) {
        throw new BlockedUrlError(
          `Refusing to fetch ${url.host}: it resolves to ${address}, a ${range} address (only public addresses are fetched)`,
          shown,
        );
      }
    }
  }
  const first = addresses[0];
  return {
    url,
    address: first.address,
    family: first.family || (ipaddr.parse(first.address).kind() === "ipv6" ? 6 : 4),
  };
}

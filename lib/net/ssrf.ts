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

/**
 * Parses an address, IPv6 through the WHATWG URL parser first: ipaddr.js reads "::a.b.c.d" as ::ffff:a.b.c.d
 * (IPv4-mapped), so "::8.8.8.8" would pass as the public 8.8.8.8 while it is really the IPv4-compatible ::808:808.
 */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!address.includes(":")) return ipaddr.IPv4.isValidFourPartDecimal(address) ? ipaddr.IPv4.parse(address) : null;
  let canonical: string;
  try {
    // A zone ("fe80::1%eth0") is not part of the address; the URL parser refuses it, so it goes first.
    canonical = new URL(`http://[${address.replace(/%.*$/, "")}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  return ipaddr.IPv6.isValid(canonical) ? ipaddr.IPv6.parse(canonical) : null;
}

/** ::/96; its :: and ::1 are caught first, by name, as unspecified and loopback. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * Why an address is refused, or null when it is ordinary public unicast.
 *
 * IPv6 forms that embed an IPv4 address: the IPv4-mapped ::ffff:0:0/96 is how a dual-stack socket reaches the IPv4
 * host itself, so it is judged as that IPv4 address (public ones pass). Every other form is refused outright,
 * whatever IPv4 address it carries: the deprecated IPv4-compatible ::/96 (::127.0.0.1, which ipaddr.js calls plain
 * unicast), and the translation ranges ipaddr.js names, NAT64 64:ff9b::/96 and 64:ff9b:1::/48 (rfc6052), SIIT
 * ::ffff:0:0:0/96 (rfc6145), 6to4 2002::/16 and Teredo 2001::/32. A translator or relay on the path would deliver
 * them to whichever IPv4 host they name, from its own network, and no public site is reachable only through them.
 */
export function nonPublicRange(address: string): string | null {
  let ip = parseAddress(address);
  if (!ip) return "unparseable address";
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.range() === "unicast" && v6.match(IPV4_COMPATIBLE)) return "ipv4Compatible";
  }
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

// Whose address a per-IP limit counts. X-Forwarded-For is whatever the client wrote unless a proxy we trust
// sits in front and appends the address it saw, so it is only read when TRUST_PROXY says there is one; otherwise
// the address is the TCP peer's, which `npm start` stamps on each request under a header of its own (replacing
// any copy the client sent: Next's route handlers do not see the socket).
import type { IncomingMessage } from "node:http";

export const PEER_HEADER = "x-parallax-peer-address";

/** Called by the `npm start` server for every request, before Next sees it. */
export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
}

/**
 * With a trusted proxy, the last X-Forwarded-For entry is the one that proxy added (earlier entries came from
 * the client and may be forged); without one, the TCP peer.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const hops =
      headers
        .get("x-forwarded-for")
        ?.split(",")
        .map((h) => h.trim())
        .filter(Boolean) ?? [];
    if (hops.length) return hops[hops.length - 1]!;
  }
  return headers.get(PEER_HEADER)?.trim() || "unknown";
}

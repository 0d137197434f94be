// Cross-site request forgery guard for every state-changing request: the browser's Origin must be this site's own
// origin, scheme and host and port. SameSite=Lax cookies already stop most cross-site POSTs; this is the second
// lock, and it also covers same-site-but-cross-origin pages (another subdomain, or the plain-http twin of an https
// site) that SameSite lets through.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "@/lib/env";
import { AuthError } from "./guards";

interface HeaderSource {
  get(name: string): string | null;
}

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The origin this request was sent to. `npm start` serves plain HTTP on the Host the client asked for; behind a
 * reverse proxy (TRUST_PROXY=on) the browser's scheme and host are what the proxy wrote in X-Forwarded-Proto and
 * X-Forwarded-Host. Without a proxy those headers are whatever the client wrote, so they are not read.
 */
export function requestOrigin(headers: HeaderSource, trustProxy: boolean): string | null {
  const host = (trustProxy && first(headers.get("x-forwarded-host"))) || first(headers.get("host"));
  const scheme = (trustProxy && first(headers.get("x-forwarded-proto"))?.toLowerCase()) || "http";
  if (!host || (scheme !== "http" && scheme !== "https")) return null;
  try {
    const url = new URL(`${scheme}://${host}`);
    // A Host carrying a path, credentials or a query is not a host.
    return url.host.toLowerCase() === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

export function isSameOrigin(headers: HeaderSource, trustProxy = getEnv().TRUST_PROXY): boolean {
  const origin = headers.get("origin");
  if (origin) {
    const own = requestOrigin(headers, trustProxy);
    if (origin === "null" || !own) return false;
    try {
      return new URL(origin).origin === own;
    } catch {
      return false;
    }
  }
  // Every current browser sends Origin on a POST; when it is missing, Sec-Fetch-Site still tells a cross-site
  // request apart. A client with neither is not a browser, so it cannot carry a victim's cookie for it.
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export function assertSameOrigin(headers: HeaderSource, trustProxy?: boolean): void {
  if (!isSameOrigin(headers, trustProxy)) throw new AuthError(403, "Cross-origin request refused.");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Called by the `npm start` server for every request, before Next sees it. Next runs its own origin check on a
 * server action, but compares hosts only, believes a client's X-Forwarded-Host, and answers a refusal with 500;
 * so the forwarded headers are dropped unless a trusted proxy wrote them, and a cross-origin write is answered
 * here with 403 before any action runs. True when the request was answered.
 */
export function refuseCrossOriginWrite(req: IncomingMessage, res: ServerResponse, trustProxy: boolean): boolean {
  if (!trustProxy) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
  if (SAFE_METHODS.has(req.method ?? "GET")) return false;
  const headers: HeaderSource = {
    get: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
  if (isSameOrigin(headers, trustProxy)) return false;
  res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end("Cross-origin request refused.");
  return true;
}

// Cross-site request forgery guard for every state-changing request: the browser's Origin must be this host.
// SameSite=Lax cookies already stop most cross-site POSTs; this is the second lock, and it also covers
// same-site-but-cross-origin pages (another subdomain) that SameSite lets through.
import { AuthError } from "./guards";

interface HeaderSource {
  get(name: string): string | null;
}

export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  // Behind a proxy Host is the proxy's; X-Forwarded-Host is what the browser asked for. A cross-site page cannot
  // set either on a form post, so trusting it here does not open a hole.
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase();
  if (origin) {
    if (origin === "null" || !host) return false;
    try {
      return new URL(origin).host.toLowerCase() === host;
    } catch {
      return false;
    }
  }
  // Every current browser sends Origin on a POST; when it is missing, Sec-Fetch-Site still tells a cross-site
  // request apart. A client with neither is not a browser, so it cannot carry a victim's cookie for it.
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export function assertSameOrigin(headers: HeaderSource): void {
  if (!isSameOrigin(headers)) throw new AuthError(403, "Cross-origin request refused.");
}

// The Content-Security-Policy of every page, with a fresh script nonce per response. proxy.ts sets it on the
// request (Next reads the nonce from there and puts it on each <script> it renders) and on the response; the page
// cache (page-cache.ts) swaps in a new nonce each time it replays a stored page, so no two readers share one.
/**
 * script-src has no 'unsafe-inline': Next's inline payload scripts carry the nonce, its chunks are 'self'.
 * style-src keeps 'unsafe-inline': React renders `style` props as style attributes, which a nonce cannot cover
 * (a nonce in style-src would also switch 'unsafe-inline' off), and a stylesheet cannot run script.
 * img-src is this origin only: article images are shown as links to the outlets (offsite-images.ts), so that
 * reading a page tells no third party the reader's address. 'unsafe-eval' and ws: are for `next dev` only.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: the characters Next and the CSP grammar both accept in a nonce. */
export function newNonce(): string {
  // Web Crypto rather than node:crypto, so the proxy runs whichever runtime Next gives it.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The nonce a policy names, or null. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null;
}

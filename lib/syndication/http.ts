// Conditional GET for feeds. Readers poll every few minutes; answering 304 when nothing changed saves both sides
// the body. The ETag is a hash of the exact bytes, so it changes exactly when the content does.
import { createHash } from "node:crypto";

export const FEED_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600";

export function etagFor(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match matches (weak comparison, RFC 9110 §13.1.2): any listed tag equal to ours, ignoring W/, or "*". */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => opaque(t) === opaque(etag));
}

/** HTTP dates have one-second precision: compare at that precision or a fresh copy never looks fresh. */
function notModifiedSince(header: string, lastModified: Date): boolean {
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

export function conditionalResponse(
  request: Request,
  body: string,
  options: { contentType: string; lastModified: Date; cacheControl?: string },
): Response {
  const etag = etagFor(body);
  const headers = new Headers({
    ETag: etag,
    "Last-Modified": options.lastModified.toUTCString(),
    "Cache-Control": options.cacheControl ?? FEED_CACHE_CONTROL,
    Vary: "Accept-Encoding",
  });
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  // If-None-Match takes precedence: If-Modified-Since is only consulted when it is absent (RFC 9110 §13.2.2).
  const fresh =
    ifNoneMatch !== null
      ? noneMatchHits(ifNoneMatch, etag)
      : ifModifiedSince !== null && notModifiedSince(ifModifiedSince, options.lastModified);
  if (fresh) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", options.contentType);
  return new Response(body, { status: 200, headers });
}

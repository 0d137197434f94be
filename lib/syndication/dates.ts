// The two date formats feeds use, always in UTC so that the server's zone never leaks into a feed.

/** RFC 822 (as updated by RFC 1123) for RSS: "Sun, 22 Nov 2026 16:56:42 GMT". */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

/** RFC 3339 for Atom and JSON Feed, in UTC, without milliseconds. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

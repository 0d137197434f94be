// The public base URL that feeds and autodiscovery links are absolute against. Feed readers store item links and
// GUIDs forever, so they must name the public address, not whatever Host header reached the server.
import { z } from "zod";
import { getEnv } from "@/lib/env";

const publicUrlSchema = z
  .url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) URL such as https://parallax.example" })
  .default("http://localhost:3000")
  .transform((s) => {
    const u = new URL(s);
    // A base path is kept ("https://example.org/parallax"); a trailing slash, query or fragment is not.
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
  });

/** PUBLIC_URL without a trailing slash; throws a readable error when it is set but malformed. */
export function publicUrl(env: { PUBLIC_URL?: string } = getEnv()): string {
  const raw = env.PUBLIC_URL?.trim() || undefined;
  const parsed = publicUrlSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid environment:\n  PUBLIC_URL: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** An absolute URL for an app path such as "/events/3". */
export function absoluteUrl(path: string, base = publicUrl()): string {
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * A tag: URI (RFC 4151) for a GUID that outlives URL changes of the pages it names. The date is fixed: it says
 * when the authority owned the name, and changing it would change every GUID.
 */
export function tagUri(specific: string, base = publicUrl()): string {
  return `tag:${new URL(base).hostname},2026:${specific}`;
}

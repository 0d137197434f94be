// A stored page whose scripts carry a CSP nonce, kept so that each replay gets a nonce of its own. A nonce every
// reader of a cached page shares would be public (anyone can fetch the page and read it), and markup injected into
// that page could then run script. So the page cache keeps the decoded HTML cut where the nonce stands and, per
// replay, joins it with a fresh nonce and compresses it again as Next had. Next writes the nonce in two places:
// the nonce="…" attributes of <script> and <link>, and the same props in the React payload inside the inline
// scripts (as \"nonce\":\"…\"), which the browser's React uses for elements it adds. Only those are replaced:
// the nonce's characters elsewhere (page text) stay as they were.
import { promisify } from "node:util";
import { deflate, gzip, gunzip, inflate } from "node:zlib";
import { newNonce } from "./csp";

const ENCODINGS = {
  gzip: { decode: promisify(gunzip), encode: promisify(gzip) },
  deflate: { decode: promisify(inflate), encode: promisify(deflate) },
} as const;
type Encoding = keyof typeof ENCODINGS | "identity";

export type NoncedBody = { encoding: Encoding; nonce: string; pieces: string[]; bytes: number };

/**
 * Cuts a response body where its nonce stands. Null when the body's encoding is one Next does not produce (the
 * page is then not stored), or when decoding it would exceed maxBytes.
 */
export async function splitNoncedBody(
  body: Buffer,
  contentEncoding: string | undefined,
  nonce: string,
  maxBytes: number,
): Promise<NoncedBody | null> {
  const encoding = (contentEncoding?.trim().toLowerCase() || "identity") as Encoding;
  if (encoding !== "identity" && !(encoding in ENCODINGS)) return null;
  let html = body;
  if (encoding !== "identity") {
    try {
      html = await ENCODINGS[encoding].decode(body, { maxOutputLength: Math.max(1, maxBytes) });
    } catch {
      return null; // larger than the whole cache, or not what it said it was: served, not stored
    }
  }
  const value = escapeRegExp(nonce);
  const at = new RegExp(`(?<=nonce=")${value}(?=")|(?<=nonce\\\\":\\\\")${value}(?=\\\\")`, "g");
  // latin1 maps every byte to one character and back, so the cut is byte-exact whatever the HTML holds.
  return { encoding, nonce, pieces: html.toString("latin1").split(at), bytes: html.length };
}

/** The body with a fresh nonce wherever the stored one stood, encoded as it was stored, and that nonce. */
export async function withFreshNonce(stored: NoncedBody): Promise<{ nonce: string; body: Buffer }> {
  const nonce = newNonce();
  const html = Buffer.from(stored.pieces.join(nonce), "latin1");
  const body = stored.encoding === "identity" ? html : await ENCODINGS[stored.encoding].encode(html);
  return { nonce, body };
}

/** A header value with `from` replaced by `to` where it stands as a nonce (Link: nonce="…", CSP: 'nonce-…'). */
export function swapHeaderNonce(value: string, from: string, to: string): string {
  return value.replaceAll(`'nonce-${from}'`, `'nonce-${to}'`).replaceAll(`nonce="${from}"`, `nonce="${to}"`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

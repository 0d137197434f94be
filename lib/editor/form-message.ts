// The message an editor sees after a form post (?error= or ?notice=), signed so that only the form runner can
// put words on the editors' pages. Unsigned, /editor?error=Your+session+expired,+sign+in+at+evil.example is a
// link anyone can send an editor, shown in the site's own alert box. The text stays in the URL (it is the
// mutation's own message, often with an id in it) with an HMAC beside it; a page shows it only when the HMAC
// matches, and otherwise shows nothing.
//
// The signature binds the text to the editor it was made for: a message that echoes input (a tag's name) signed
// for one editor's post is worthless in a link sent to another. A refusal made before any session is read (a
// cross-origin post) is bound to nobody and shown to any editor: its text is the runner's own, never input.
//
// The key is random per process: a message is read by the redirect that follows the post, so nothing needs it
// after a restart, and there is no secret to configure or leak. A message made before a restart is not shown.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type MessageKind = "error" | "notice";

const KEY = Symbol.for("parallax.form-message-key");

// On globalThis rather than in a module variable: Next may load this module more than once in one process (the
// action's bundle and the page's), and both must sign with the same key.
function key(): Buffer {
  const slot = globalThis as { [KEY]?: Buffer };
  slot[KEY] ??= randomBytes(32);
  return slot[KEY];
}

function sign(kind: MessageKind, text: string, userId: number | null): Buffer {
  return createHmac("sha256", key())
    .update(`${kind}\n${userId ?? "anyone"}\n${text}`)
    .digest()
    .subarray(0, 16);
}

/** The query string (without "?") that carries a message for `userId`, or for anyone when null. */
export function messageQuery(kind: MessageKind, text: string, userId: number | null): string {
  return new URLSearchParams({ [kind]: text, sig: sign(kind, text, userId).toString("base64url") }).toString();
}

function verified(kind: MessageKind, text: string, sig: string, userId: number): boolean {
  const given = Buffer.from(sig, "base64url");
  if (given.length !== 16) return false;
  return timingSafeEqual(given, sign(kind, text, userId)) || timingSafeEqual(given, sign(kind, text, null));
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The message of a page's query that the runner signed for this editor; unsigned or forged text is dropped. */
export function readFormMessage(
  query: Record<string, string | string[] | undefined>,
  userId: number,
): { error?: string; notice?: string } {
  const sig = first(query.sig);
  if (!sig) return {};
  for (const kind of ["error", "notice"] as const) {
    const text = first(query[kind]);
    if (text !== undefined && verified(kind, text, sig, userId)) return { [kind]: text };
  }
  return {};
}

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
// The key is random, made once per database and kept there (a Setting row created on first use), so that every
// web instance behind a load balancer signs and checks with the same one: a post answered by one instance and
// the redirect that follows it by another still show the message. It never leaves the database and the server.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db";

export type MessageKind = "error" | "notice";

const SETTING = "form-message-key";
const keys = new WeakMap<Db, Promise<Buffer>>();

async function loadKey(db: Db): Promise<Buffer> {
  const found = await db.setting.findUnique({ where: { key: SETTING } });
  if (found) return Buffer.from(found.value, "base64");
  try {
    await db.setting.create({ data: { key: SETTING, value: randomBytes(32).toString("base64") } });
  } catch {
    // Another instance made it first (the key is unique): theirs is the one.
  }
  const made = await db.setting.findUniqueOrThrow({ where: { key: SETTING } });
  return Buffer.from(made.value, "base64");
}

/** The database's message key, read once per client. */
export function formMessageKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    // A failed read is not remembered: the next message tries again.
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function sign(key: Buffer, kind: MessageKind, text: string, userId: number | null): Buffer {
  return createHmac("sha256", key)
    .update(`${kind}\n${userId ?? "anyone"}\n${text}`)
    .digest()
    .subarray(0, 16);
}

/** The query string (without "?") that carries a message for `userId`, or for anyone when null. */
export async function messageQuery(db: Db, kind: MessageKind, text: string, userId: number | null): Promise<string> {
  const key = await formMessageKey(db);
  return new URLSearchParams({ [kind]: text, sig: sign(key, kind, text, userId).toString("base64url") }).toString();
}

function verified(key: Buffer, kind: MessageKind, text: string, sig: string, userId: number): boolean {
  const given = Buffer.from(sig, "base64url");
  if (given.length !== 16) return false;
  return timingSafeEqual(given, sign(key, kind, text, userId)) || timingSafeEqual(given, sign(key, kind, text, null));
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The message of a page's query that the runner signed for this editor; unsigned or forged text is dropped. */
export async function readFormMessage(
  db: Db,
  query: Record<string, string | string[] | undefined>,
  userId: number,
): Promise<{ error?: string; notice?: string }> {
  const sig = first(query.sig);
  if (!sig) return {};
  const key = await formMessageKey(db);
  for (const kind of ["error", "notice"] as const) {
    const text = first(query[kind]);
    if (text !== undefined && verified(key, kind, text, sig, userId)) return { [kind]: text };
  }
  return {};
}

// Server-side sessions. The cookie holds a random 32-byte token; the database holds only its SHA-256, so
// reading the sessions table (a backup, a leaked copy) does not let anyone sign in.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { AuthSession } from "./roles";

export const SESSION_COOKIE = "parallax_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000;
// Writing lastSeenAt on every request would turn every page view into a write; once a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Db,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null when the token is unknown or its session has expired. */
export async function findSession(
  db: Db,
  token: string | undefined | null,
  now = new Date(),
): Promise<AuthSession | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const row = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, role: true } } },
  });
  if (!row) return null;
  if (row.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return { userId: row.user.id, email: row.user.email, role: row.user.role };
}

export async function deleteSession(db: Db, token: string | undefined | null): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  return (await db.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}

// Expired sessions are otherwise deleted only when presented, and a browser that never comes back never presents
// its own. Each sign-in sweeps a bounded batch, so one sign-in never waits on a sweep of a long-neglected table.
const PURGE_BATCH = 500;

/**
 * A sign-in: the session the browser held before (if any) is deleted rather than kept beside the new one, so a
 * token fixed or stolen before sign-in dies at sign-in; expired sessions are swept, a batch at a time.
 */
export async function rotateSession(
  db: Db,
  userId: number,
  previousToken: string | null | undefined,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await deleteSession(db, previousToken);
  const expired = await db.session.findMany({
    where: { expiresAt: { lte: now } },
    select: { id: true },
    take: PURGE_BATCH,
  });
  if (expired.length) await db.session.deleteMany({ where: { id: { in: expired.map((s) => s.id) } } });
  return createSession(db, userId, now);
}

/** The Set-Cookie header value; an expiresAt in the past clears the cookie. */
export function sessionCookie(token: string, expiresAt: Date, production = getEnv().NODE_ENV === "production"): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(production ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(production?: boolean): string {
  return sessionCookie("", new Date(0), production);
}

/** The session token from a request's Cookie header. */
export function tokenFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

// The session of the request being served, for server components and server actions.
import "server-only";
import { cookies, headers } from "next/headers";
import { getDb, type Db } from "@/lib/db";
import { assertSameOrigin } from "./origin";
import type { AuthSession } from "./roles";
import { findSession, SESSION_COOKIE } from "./sessions";

export async function getCurrentSession(db: Db = getDb()): Promise<AuthSession | null> {
  return findSession(db, (await cookies()).get(SESSION_COOKIE)?.value);
}

/** For server actions: refuses a cross-origin call (AuthError 403), then returns the session, if any. */
export async function actionSession(db: Db = getDb()): Promise<AuthSession | null> {
  assertSameOrigin(await headers());
  return getCurrentSession(db);
}

// Authorization that every editorial action and route handler calls itself, first thing, with the session it
// was given: a page hiding a button is not a permission check, and server actions are public POST endpoints.
import type { AuthSession } from "./roles";

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export function requireEditor(session: AuthSession | null | undefined): AuthSession {
  if (!session) throw new AuthError(401, "Sign in to do this.");
  if (session.role !== "editor" && session.role !== "admin") throw new AuthError(403, "Your account may not edit.");
  return session;
}

export function requireAdmin(session: AuthSession | null | undefined): AuthSession {
  if (!session) throw new AuthError(401, "Sign in to do this.");
  if (session.role !== "admin") throw new AuthError(403, "Only an administrator may do this.");
  return session;
}

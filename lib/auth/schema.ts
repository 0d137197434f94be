import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "enter a valid email address" }).max(254));

export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `the password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "the password must be at most 1024 characters");

export const LoginForm = z.object({
  email: Email,
  // No minimum here: a sign-in only compares, and a length hint would help nobody but a guesser.
  password: z.string().min(1, "enter your password").max(1024),
  next: z.string().optional(),
});

// One "/" and then printable ASCII other than a backslash, nothing else. Browsers drop tabs and newlines from
// a URL and read a backslash as "/", so "/<tab>/evil.example" or "/<backslash>evil" would leave the site; and a control character or
// anything beyond ASCII (U+3000) cannot go into a Location header at all (it threw: HTTP 500). Our own links
// to /login (page-gate.ts) are percent-encoded, so a real path never needs more than this.
const SAME_SITE_PATH = /^\/(?![/\\])[!-[\]-~]*$/;
const MAX_NEXT_LENGTH = 2048;

/** A path on this site to return to after signing in; anything else (another host, "//evil") becomes /editor. */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > MAX_NEXT_LENGTH || !SAME_SITE_PATH.test(next)) return "/editor";
  return next;
}

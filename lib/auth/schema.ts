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

/** A path on this site to return to after signing in; anything else (another host, "//evil") becomes /editor. */
export function safeNextPath(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/editor";
  return next;
}

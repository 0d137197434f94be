// A curation form post from start to finish, on plain values so tests can drive it without Next: refuse a
// cross-origin post, find the session, run the operation (which checks the role itself) and say where to go next.
// Errors the editor can act on come back as ?error=; 401 sends them to sign in; anything else is a bug and throws.
import { AuthError } from "@/lib/auth/guards";
import { assertSameOrigin } from "@/lib/auth/origin";
import type { AuthSession } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { InputError } from "@/lib/editor/run";

interface HeaderSource {
  get(name: string): string | null;
}

export type CurationOp<R> = (ctx: { session: AuthSession | null; db: Db }, input: unknown) => Promise<R>;

/** Only the editors' own pages: a form cannot send the editor anywhere else after the post. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/editor(\/events\/[1-9]\d{0,9})?$/.test(value) ? value : "/editor";
}

/** The form's string fields; a field sent more than once (checkboxes) becomes an array. */
export function formInput(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length) out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

export async function runCurationForm<R>(args: {
  headers: HeaderSource;
  formData: FormData;
  getSession: () => Promise<AuthSession | null>;
  db: Db;
  op: CurationOp<R>;
  notice: string;
  /** Where to go after success, e.g. the event a merge kept; defaults to the form's returnTo. */
  next?: (result: R) => string;
}): Promise<string> {
  const input = formInput(args.formData);
  const back = safeReturnPath(input.returnTo);
  try {
    assertSameOrigin(args.headers);
    const result = await args.op({ session: await args.getSession(), db: args.db }, input);
    return `${args.next ? args.next(result) : back}?${new URLSearchParams({ notice: args.notice })}`;
  } catch (err) {
    if (err instanceof AuthError && err.status === 401) return `/login?${new URLSearchParams({ next: back })}`;
    if (err instanceof AuthError || err instanceof InputError) return `${back}?${new URLSearchParams({ error: err.message })}`;
    throw err;
  }
}

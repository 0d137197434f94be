// An editor's form post from start to finish, on plain values so tests can drive it without Next: refuse a
// cross-origin post, find the session, run the operation (which checks the role itself) and say where to go next.
// Errors the editor can act on come back as ?error= on the form's page, signed for the editor (form-message.ts),
// so a page never shows text that a link made up; 401 sends them to sign in and back there; anything else is a
// bug and throws.
import { AuthError } from "@/lib/auth/guards";
import { assertSameOrigin } from "@/lib/auth/origin";
import type { AuthSession } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { messageQuery } from "./form-message";
import type { EditorOp } from "./operation";
import { InputError } from "./run";

export type FormInput = Record<string, string | string[]>;

/** The form's string fields; a field sent more than once (checkboxes) becomes an array. */
export function formInput(formData: FormData): FormInput {
  const out: FormInput = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length) out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** Where a domain's forms live: the page every outcome lands on, and the paths a change makes stale. */
export interface EditorFormPage {
  back: (input: FormInput) => string;
  revalidate: { path: string; type?: "layout" | "page" };
}

/** What the editor is told after a success, and where they go when it is not back to the form's page. */
export interface FormOutcome<R> {
  notice: string | ((result: R) => string);
  /** e.g. the event a merge kept. */
  next?: (result: R) => string;
}

export interface FormPost<R> extends FormOutcome<R> {
  headers: { get(name: string): string | null };
  formData: FormData;
  getSession: () => Promise<AuthSession | null>;
  db: Db;
  op: EditorOp<R>;
}

export async function runEditorForm<R>(page: Pick<EditorFormPage, "back">, post: FormPost<R>): Promise<string> {
  const input = formInput(post.formData);
  const back = page.back(input);
  // Null until read: a refusal before that (cross-origin) is signed for no one in particular.
  let session: AuthSession | null = null;
  try {
    assertSameOrigin(post.headers);
    session = await post.getSession();
    const result = await post.op({ session, db: post.db }, input);
    const notice = typeof post.notice === "string" ? post.notice : post.notice(result);
    return `${post.next ? post.next(result) : back}?${await messageQuery(post.db, "notice", notice, session?.userId ?? null)}`;
  } catch (err) {
    if (err instanceof AuthError && err.status === 401) return `/login?${new URLSearchParams({ next: back })}`;
    if (err instanceof AuthError || err instanceof InputError)
      return `${back}?${await messageQuery(post.db, "error", err.message, session?.userId ?? null)}`;
    throw err;
  }
}

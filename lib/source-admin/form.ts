// A sources-page form post from start to finish, on plain values so tests can drive it without Next: the same
// steps as lib/curation/form.ts, except that every outcome lands back on /editor/sources.
import { AuthError } from "@/lib/auth/guards";
import { assertSameOrigin } from "@/lib/auth/origin";
import type { AuthSession } from "@/lib/auth/roles";
import { formInput, type CurationOp } from "@/lib/curation/form";
import type { Db } from "@/lib/db";
import { InputError } from "@/lib/editor/run";

export const SOURCES_PATH = "/editor/sources";

export async function runSourcesForm<R>(args: {
  headers: { get(name: string): string | null };
  formData: FormData;
  getSession: () => Promise<AuthSession | null>;
  db: Db;
  op: CurationOp<R>;
  notice: (result: R) => string;
}): Promise<string> {
  try {
    assertSameOrigin(args.headers);
    const result = await args.op({ session: await args.getSession(), db: args.db }, formInput(args.formData));
    return `${SOURCES_PATH}?${new URLSearchParams({ notice: args.notice(result) })}`;
  } catch (err) {
    if (err instanceof AuthError && err.status === 401) return `/login?${new URLSearchParams({ next: SOURCES_PATH })}`;
    if (err instanceof AuthError || err instanceof InputError) return `${SOURCES_PATH}?${new URLSearchParams({ error: err.message })}`;
    throw err;
  }
}

// An editorial operation, declared once: who may run it, what input it takes, and the write (which keeps its own
// audit row, in the same transaction as the change). Authorization comes first, then validation, then the write.
// The session and database are passed in, so the "use server" wrappers (lib/editor/action.ts) only find them and
// tests can inject them. Never export an operation from a "use server" file: a client could then hand in any
// session it liked.
import type { z } from "zod";
import { requireAdmin, requireEditor } from "@/lib/auth/guards";
import type { AuthSession } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { InputError, parseInput } from "./run";

export interface EditorContext {
  session: AuthSession | null;
  db: Db;
}

export type EditorOp<R, C extends EditorContext = EditorContext> = (ctx: C, input: unknown) => Promise<R>;

const guards = { editor: requireEditor, admin: requireAdmin };

type ErrorClass = abstract new (...args: never[]) => Error;

export function editorOp<I, R, O = never, C extends EditorContext = EditorContext>(spec: {
  role: keyof typeof guards;
  input: z.ZodType<I>;
  mutation: (db: Db, input: I, userId: number, options?: O) => Promise<R>;
  /** The mutation's options, from the context: adding a feed takes its fetch policy. */
  options?: (ctx: C) => O;
  /** Failures that are the editor's to fix rather than bugs: they come back to the form as an InputError. */
  userErrors?: ErrorClass[];
}): EditorOp<R, C> {
  return async (ctx, raw) => {
    const { userId } = guards[spec.role](ctx.session);
    const input = parseInput(spec.input, raw);
    try {
      return await (spec.options
        ? spec.mutation(ctx.db, input, userId, spec.options(ctx))
        : spec.mutation(ctx.db, input, userId));
    } catch (err) {
      if (spec.userErrors?.some((E) => err instanceof E)) throw new InputError((err as Error).message);
      throw err;
    }
  };
}

// The tag operations as an editor performs them: authorization first, then validation, then the write. The
// session and database are passed in, so the "use server" wrappers (actions.ts) only find them and tests can
// inject them. Never export these from a "use server" file: a client could then hand in any session it liked.
import type { Db } from "@/lib/db";
import { requireAdmin, requireEditor } from "@/lib/auth/guards";
import type { AuthSession } from "@/lib/auth/roles";
import { parseInput } from "@/lib/editor/run";
import * as m from "./mutations";
import { CreateTagInput, EventTagInput, MergeTagsInput, RenameTagInput, TagEventByNameInput } from "./schema";

export interface EditorContext {
  session: AuthSession | null;
  db: Db;
}

export async function createTagOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.createTag(ctx.db, parseInput(CreateTagInput, input), userId);
}

export async function renameTagOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.renameTag(ctx.db, parseInput(RenameTagInput, input), userId);
}

/** Admin only: a merge deletes a tag, and its history is only in the audit log. */
export async function mergeTagsOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireAdmin(ctx.session);
  return m.mergeTags(ctx.db, parseInput(MergeTagsInput, input), userId);
}

export async function tagEventOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.tagEvent(ctx.db, parseInput(EventTagInput, input), userId);
}

export async function tagEventByNameOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.tagEventByName(ctx.db, parseInput(TagEventByNameInput, input), userId);
}

export async function untagEventOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.untagEvent(ctx.db, parseInput(EventTagInput, input), userId);
}

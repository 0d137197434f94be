// Outlet and feed management as an editor performs it: authorization first, then validation, then the write.
// Session and database are injected (see lib/tags/operations.ts); never export these from a "use server" file.
import { requireEditor } from "@/lib/auth/guards";
import { InputError, parseInput } from "@/lib/editor/run";
import { FetchError } from "@/lib/net/fetch";
import { AddFeedError } from "@/lib/sources/add-feed";
import type { EditorContext } from "@/lib/tags/operations";
import * as m from "./mutations";
import { AddFeedInput, EditSourceInput, SetFeedEnabledInput, SetSourceEnabledInput } from "./schema";

export type { EditorContext };

/** What adding a feed may fetch: the action passes FETCH_ALLOW_HOSTS, tests their fixture server. */
export interface FetchPolicy {
  allowHosts?: string[];
}

export async function editSourceOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.editSource(ctx.db, parseInput(EditSourceInput, input), userId);
}

export async function setSourceEnabledOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.setSourceEnabled(ctx.db, parseInput(SetSourceEnabledInput, input), userId);
}

export async function setFeedEnabledOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.setFeedEnabled(ctx.db, parseInput(SetFeedEnabledInput, input), userId);
}

export async function addFeedOp(ctx: EditorContext & FetchPolicy, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  const parsed = parseInput(AddFeedInput, input);
  try {
    return await m.addFeed(ctx.db, parsed, userId, { allowHosts: ctx.allowHosts ?? [] });
  } catch (err) {
    // A refused address, an unreachable site or a page without a feed is the editor's to fix, not a bug.
    if (err instanceof FetchError || err instanceof AddFeedError) throw new InputError(err.message);
    throw err;
  }
}

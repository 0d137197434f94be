// Outlet and feed management as an editor performs it (see lib/editor/operation.ts); never export these from a
// "use server" file.
import { editorOp, type EditorContext } from "@/lib/editor/operation";
import { FetchError } from "@/lib/net/fetch";
import { AddFeedError } from "@/lib/sources/add-feed";
import * as m from "./mutations";
import { AddFeedInput, EditSourceInput, SetFeedEnabledInput, SetSourceEnabledInput } from "./schema";

export type { EditorContext };

/** What adding a feed may fetch: the action passes FETCH_ALLOW_HOSTS, tests their fixture server. */
export interface FetchPolicy {
  allowHosts?: string[];
}

export const editSourceOp = editorOp({ role: "editor", input: EditSourceInput, mutation: m.editSource });
export const setSourceEnabledOp = editorOp({
  role: "editor",
  input: SetSourceEnabledInput,
  mutation: m.setSourceEnabled,
});
export const setFeedEnabledOp = editorOp({ role: "editor", input: SetFeedEnabledInput, mutation: m.setFeedEnabled });
export const addFeedOp = editorOp({
  role: "editor",
  input: AddFeedInput,
  mutation: m.addFeed,
  options: (ctx: EditorContext & FetchPolicy) => ({ allowHosts: ctx.allowHosts ?? [] }),
  // A refused address, an unreachable site or a page without a feed is the editor's to fix, not a bug.
  userErrors: [FetchError, AddFeedError],
});

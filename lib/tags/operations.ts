// The tag operations as an editor performs them (see lib/editor/operation.ts); never export these from a
// "use server" file.
import { editorOp } from "@/lib/editor/operation";
import * as m from "./mutations";
import { CreateTagInput, EventTagInput, MergeTagsInput, RenameTagInput, TagEventByNameInput } from "./schema";

export type { EditorContext } from "@/lib/editor/operation";

export const createTagOp = editorOp({ role: "editor", input: CreateTagInput, mutation: m.createTag });
export const renameTagOp = editorOp({ role: "editor", input: RenameTagInput, mutation: m.renameTag });
/** Admin only: a merge deletes a tag, and its history is only in the audit log. */
export const mergeTagsOp = editorOp({ role: "admin", input: MergeTagsInput, mutation: m.mergeTags });
export const tagEventOp = editorOp({ role: "editor", input: EventTagInput, mutation: m.tagEvent });
export const tagEventByNameOp = editorOp({ role: "editor", input: TagEventByNameInput, mutation: m.tagEventByName });
export const untagEventOp = editorOp({ role: "editor", input: EventTagInput, mutation: m.untagEvent });

// Event curation as an editor performs it (see lib/editor/operation.ts); never export these from a "use server" file.
//
// Every operation here is editor-level, merge and split included: unlike a tag merge, nothing is deleted (a merged
// event keeps its row and redirects, a split can be undone by a merge, a move by a move), and the audit log holds
// each event before and after. Undoing a clusterer's mistake is the everyday editorial job, not an admin's.
import { editorOp } from "@/lib/editor/operation";
import * as m from "./mutations";
import {
  EditEventInput,
  HideEventInput,
  MergeEventsInput,
  MoveArticleInput,
  PinEventInput,
  SplitArticlesInput,
} from "./schema";

export type { EditorContext } from "@/lib/editor/operation";

export const editEventOp = editorOp({ role: "editor", input: EditEventInput, mutation: m.editEvent });
export const pinEventOp = editorOp({ role: "editor", input: PinEventInput, mutation: m.pinEvent });
export const hideEventOp = editorOp({ role: "editor", input: HideEventInput, mutation: m.hideEvent });
export const mergeEventsOp = editorOp({ role: "editor", input: MergeEventsInput, mutation: m.mergeEvents });
export const moveArticleOp = editorOp({ role: "editor", input: MoveArticleInput, mutation: m.moveArticle });
export const splitArticlesOp = editorOp({ role: "editor", input: SplitArticlesInput, mutation: m.splitArticles });

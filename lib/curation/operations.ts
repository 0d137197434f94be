// Event curation as an editor performs it: authorization first, then validation, then the write. Session and
// database are injected (see lib/tags/operations.ts); never export these from a "use server" file.
//
// Every operation here is editor-level, merge and split included: unlike a tag merge, nothing is deleted (a merged
// event keeps its row and redirects, a split can be undone by a merge, a move by a move), and the audit log holds
// each event before and after. Undoing a clusterer's mistake is the everyday editorial job, not an admin's.
import { requireEditor } from "@/lib/auth/guards";
import { parseInput } from "@/lib/editor/run";
import type { EditorContext } from "@/lib/tags/operations";
import * as m from "./mutations";
import { EditEventInput, HideEventInput, MergeEventsInput, MoveArticleInput, PinEventInput, SplitArticlesInput } from "./schema";

export type { EditorContext };

export async function editEventOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.editEvent(ctx.db, parseInput(EditEventInput, input), userId);
}

export async function pinEventOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.pinEvent(ctx.db, parseInput(PinEventInput, input), userId);
}

export async function hideEventOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.hideEvent(ctx.db, parseInput(HideEventInput, input), userId);
}

export async function mergeEventsOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.mergeEvents(ctx.db, parseInput(MergeEventsInput, input), userId);
}

export async function moveArticleOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.moveArticle(ctx.db, parseInput(MoveArticleInput, input), userId);
}

export async function splitArticlesOp(ctx: EditorContext, input: unknown) {
  const { userId } = requireEditor(ctx.session);
  return m.splitArticles(ctx.db, parseInput(SplitArticlesInput, input), userId);
}

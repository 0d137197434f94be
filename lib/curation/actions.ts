"use server";
// The curation forms' server actions (lib/editor/action.ts): each lands back on the page it was posted from,
// except a merge and a split, which go to the event that now holds the articles.
import { editorFormActions } from "@/lib/editor/action";
import { curationPage } from "./form";
import * as ops from "./operations";

const action = editorFormActions(curationPage);

export const editEventAction = action(ops.editEventOp, { notice: "Title and summary saved." });
export const pinEventAction = action(ops.pinEventOp, { notice: "Pin updated." });
export const hideEventAction = action(ops.hideEventOp, { notice: "Visibility updated." });
export const mergeEventsAction = action(ops.mergeEventsOp, {
  notice: "Events merged.",
  next: (into) => `/editor/events/${into.id}`,
});
export const moveArticleAction = action(ops.moveArticleOp, { notice: "Article moved." });
export const splitArticlesAction = action(ops.splitArticlesOp, {
  notice: "Articles split into a new event.",
  next: (created) => `/editor/events/${created.id}`,
});

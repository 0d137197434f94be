"use server";
// The tag forms' server actions (lib/editor/action.ts). The forms all live on /editor and every outcome lands there.
import { editorFormActions } from "@/lib/editor/action";
import * as ops from "./operations";

const action = editorFormActions({ back: () => "/editor", revalidate: { path: "/editor" } });

export const createTagAction = action(ops.createTagOp, { notice: "Tag created." });
export const renameTagAction = action(ops.renameTagOp, { notice: "Tag renamed." });
export const mergeTagsAction = action(ops.mergeTagsOp, { notice: "Tags merged." });
export const tagEventAction = action(ops.tagEventByNameOp, { notice: "Event tagged." });
export const untagEventAction = action(ops.untagEventOp, { notice: "Tag removed from the event." });

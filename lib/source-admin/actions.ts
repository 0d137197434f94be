"use server";
// The sources page's server actions (lib/editor/action.ts): every outcome lands back on /editor/sources.
import { editorFormActions } from "@/lib/editor/action";
import { getEnv } from "@/lib/env";
import { sourcesPage } from "./form";
import * as ops from "./operations";

const action = editorFormActions(sourcesPage);

export const editSourceAction = action(ops.editSourceOp, { notice: "Outlet saved." });
export const setSourceEnabledAction = action(ops.setSourceEnabledOp, {
  notice: (source) =>
    source.enabled ? "Outlet enabled: its feeds are polled." : "Outlet disabled: its feeds are not polled.",
});
export const setFeedEnabledAction = action(ops.setFeedEnabledOp, {
  notice: (feed) => (feed.enabled ? "Feed enabled." : "Feed disabled."),
});
export const addFeedAction = action(
  // Read here, per request, and nowhere below: lib/net takes the policy from its caller.
  (ctx, input) => ops.addFeedOp({ ...ctx, allowHosts: getEnv().FETCH_ALLOW_HOSTS }, input),
  { notice: (r) => (r.created ? `Feed added: ${r.feed.url}` : `That feed was already known: ${r.feed.url}`) },
);

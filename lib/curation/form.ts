// Where the curation forms land: back on the page they were posted from (the editors' home or an event's own page).
// The public listings, feeds and pages read these events, so nothing cached may keep the old state.
import { runEditorForm, type EditorFormPage, type FormPost } from "@/lib/editor/form";

/** Only the editors' own pages: a form cannot send the editor anywhere else after the post. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/editor(\/events\/[1-9]\d{0,9})?$/.test(value) ? value : "/editor";
}

export const curationPage: EditorFormPage = {
  back: (input) => safeReturnPath(input.returnTo),
  revalidate: { path: "/", type: "layout" },
};

/** A curation form post on plain values, as the server actions run it (see lib/editor/form.ts). */
export function runCurationForm<R>(post: FormPost<R>): Promise<string> {
  return runEditorForm(curationPage, post);
}

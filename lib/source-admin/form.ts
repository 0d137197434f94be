// Where the sources page's forms land: every outcome back on /editor/sources. Outlet names, countries and leans
// show on the public pages, so nothing cached may keep the old ones.
import { runEditorForm, type EditorFormPage, type FormPost } from "@/lib/editor/form";

export const SOURCES_PATH = "/editor/sources";

export const sourcesPage: EditorFormPage = { back: () => SOURCES_PATH, revalidate: { path: "/", type: "layout" } };

/** A sources-page form post on plain values, as the server actions run it (see lib/editor/form.ts). */
export function runSourcesForm<R>(post: FormPost<R>): Promise<string> {
  return runEditorForm(sourcesPage, post);
}

// The Next side of an editor's form: the request's headers, session and database go to runEditorForm (form.ts),
// then whatever the change made stale is revalidated and the browser redirected. Plain form posts, so every
// action works without JavaScript. A domain's actions.ts is then one line per action:
//   const action = editorFormActions(page);
//   export const pinEventAction = action(ops.pinEventOp, { notice: "Pin updated." });
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current";
import { getDb } from "@/lib/db";
import { runEditorForm, type EditorFormPage, type FormOutcome } from "./form";
import type { EditorOp } from "./operation";

export type FormAction = (formData: FormData) => Promise<void>;

export function editorFormActions(page: EditorFormPage) {
  return <R>(op: EditorOp<R>, outcome: FormOutcome<R>): FormAction =>
    async (formData) => {
      const location = await runEditorForm(page, {
        headers: await headers(),
        formData,
        getSession: () => getCurrentSession(),
        db: getDb(),
        op,
        ...outcome,
      });
      revalidatePath(page.revalidate.path, page.revalidate.type);
      redirect(location);
    };
}

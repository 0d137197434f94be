"use server";
// The tag forms' server actions. Each finds the caller's session (after refusing a cross-origin call) and hands it
// to the operation, which checks the role itself. Plain form posts: everything works without JavaScript, and the
// outcome comes back as a redirect to /editor with a notice or an error in the query string.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionSession } from "@/lib/auth/current";
import { AuthError } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { InputError } from "@/lib/editor/run";
import * as ops from "./operations";

async function run(formData: FormData, op: (ctx: ops.EditorContext, input: unknown) => Promise<unknown>, notice: string): Promise<never> {
  let error: string | null = null;
  try {
    const input = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
    await op({ session: await actionSession(), db: getDb() }, input);
  } catch (err) {
    if (err instanceof AuthError && err.status === 401) redirect("/login?next=/editor");
    if (err instanceof AuthError || err instanceof InputError) error = err.message;
    else throw err;
  }
  revalidatePath("/editor");
  redirect(`/editor?${new URLSearchParams(error ? { error } : { notice })}`);
}

export async function createTagAction(formData: FormData): Promise<void> {
  await run(formData, ops.createTagOp, "Tag created.");
}

export async function renameTagAction(formData: FormData): Promise<void> {
  await run(formData, ops.renameTagOp, "Tag renamed.");
}

export async function mergeTagsAction(formData: FormData): Promise<void> {
  await run(formData, ops.mergeTagsOp, "Tags merged.");
}

export async function tagEventAction(formData: FormData): Promise<void> {
  await run(formData, ops.tagEventByNameOp, "Event tagged.");
}

export async function untagEventAction(formData: FormData): Promise<void> {
  await run(formData, ops.untagEventOp, "Tag removed from the event.");
}

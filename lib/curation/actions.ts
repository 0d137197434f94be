"use server";
// The curation forms' server actions: thin wrappers that hand Next's request headers, session and database to
// runCurationForm (form.ts), then redirect. Plain form posts, so every one works without JavaScript.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current";
import { getDb } from "@/lib/db";
import { runCurationForm, type CurationOp } from "./form";
import * as ops from "./operations";

async function run<R>(formData: FormData, op: CurationOp<R>, notice: string, next?: (result: R) => string): Promise<never> {
  const location = await runCurationForm({ headers: await headers(), formData, getSession: () => getCurrentSession(), db: getDb(), op, notice, next });
  // The public listings, feeds and pages read these events: nothing cached may keep the old state.
  revalidatePath("/", "layout");
  redirect(location);
}

export async function editEventAction(formData: FormData): Promise<void> {
  await run(formData, ops.editEventOp, "Title and summary saved.");
}

export async function pinEventAction(formData: FormData): Promise<void> {
  await run(formData, ops.pinEventOp, "Pin updated.");
}

export async function hideEventAction(formData: FormData): Promise<void> {
  await run(formData, ops.hideEventOp, "Visibility updated.");
}

export async function mergeEventsAction(formData: FormData): Promise<void> {
  await run(formData, ops.mergeEventsOp, "Events merged.", (into) => `/editor/events/${into.id}`);
}

export async function moveArticleAction(formData: FormData): Promise<void> {
  await run(formData, ops.moveArticleOp, "Article moved.");
}

export async function splitArticlesAction(formData: FormData): Promise<void> {
  await run(formData, ops.splitArticlesOp, "Articles split into a new event.", (created) => `/editor/events/${created.id}`);
}

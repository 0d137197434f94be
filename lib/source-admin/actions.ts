"use server";
// The sources page's server actions: thin wrappers that hand Next's request headers, session and database to
// runSourcesForm (form.ts), then redirect. Plain form posts, so every one works without JavaScript.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current";
import type { CurationOp } from "@/lib/curation/form";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { runSourcesForm } from "./form";
import * as ops from "./operations";

async function run<R>(formData: FormData, op: CurationOp<R>, notice: (result: R) => string): Promise<never> {
  const location = await runSourcesForm({ headers: await headers(), formData, getSession: () => getCurrentSession(), db: getDb(), op, notice });
  // Outlet names, countries and leans show on the public pages: nothing cached may keep the old ones.
  revalidatePath("/", "layout");
  redirect(location);
}

export async function editSourceAction(formData: FormData): Promise<void> {
  await run(formData, ops.editSourceOp, () => "Outlet saved.");
}

export async function setSourceEnabledAction(formData: FormData): Promise<void> {
  await run(formData, ops.setSourceEnabledOp, (source) => (source.enabled ? "Outlet enabled: its feeds are polled." : "Outlet disabled: its feeds are not polled."));
}

export async function setFeedEnabledAction(formData: FormData): Promise<void> {
  await run(formData, ops.setFeedEnabledOp, (feed) => (feed.enabled ? "Feed enabled." : "Feed disabled."));
}

export async function addFeedAction(formData: FormData): Promise<void> {
  // Read here, per request, and nowhere below: lib/net takes the policy from its caller.
  const { FETCH_ALLOW_HOSTS } = getEnv();
  await run(formData, (ctx, input) => ops.addFeedOp({ ...ctx, allowHosts: FETCH_ALLOW_HOSTS }, input), (r) =>
    r.created ? `Feed added: ${r.feed.url}` : `That feed was already known: ${r.feed.url}`,
  );
}

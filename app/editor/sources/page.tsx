import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EditorSources } from "@/components/editor-sources";
import { getCurrentSession } from "@/lib/auth/current";
import { AuthError, requireEditor } from "@/lib/auth/guards";
import { addFeedAction, editSourceAction, setFeedEnabledAction } from "@/lib/source-admin/actions";
import { listSourcesForAdmin } from "@/lib/source-admin/data";

export const metadata: Metadata = { title: "Outlets and feeds", robots: { index: false } };
export const dynamic = "force-dynamic";

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function EditorSourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await getCurrentSession();
  try {
    requireEditor(session);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    if (err.status === 401) redirect("/login?next=/editor/sources");
    return (
      <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <h1 className="text-2xl font-bold">Outlets and feeds</h1>
        <p role="alert" className="mt-4">
          {err.message}
        </p>
      </div>
    );
  }
  const query = await searchParams;
  const { sources, unfiled } = await listSourcesForAdmin();
  const error = one(query.error);
  const notice = one(query.notice);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
      <p className="text-sm">
        <Link href="/editor" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Editors
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Outlets and feeds</h1>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {notice && !error && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
          {notice}
        </p>
      )}
      <EditorSources sources={sources} unfiled={unfiled} actions={{ editSource: editSourceAction, setFeedEnabled: setFeedEnabledAction, addFeed: addFeedAction }} />
    </div>
  );
}

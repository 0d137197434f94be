import type { Metadata } from "next";
import Link from "next/link";
import { EditorSources } from "@/components/editor-sources";
import { EditorRefusal } from "@/components/editor-refusal";
import { editorPageGate, one } from "@/lib/editor/page-gate";
import { addFeedAction, editSourceAction, setFeedEnabledAction, setSourceEnabledAction } from "@/lib/source-admin/actions";
import { listSourcesForAdmin } from "@/lib/source-admin/data";

export const metadata: Metadata = { title: "Outlets and feeds", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function EditorSourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, refusal } = await editorPageGate("/editor/sources");
  if (refusal !== undefined) return <EditorRefusal title="Outlets and feeds" message={refusal} />;
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
      <EditorSources sources={sources} unfiled={unfiled} actions={{ editSource: editSourceAction, setFeedEnabled: setFeedEnabledAction, setSourceEnabled: setSourceEnabledAction, addFeed: addFeedAction }} />
    </div>
  );
}

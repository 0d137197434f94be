import type { Metadata } from "next";
import Link from "next/link";
import { DeadLetters } from "@/components/dead-letters";
import { EditorSources } from "@/components/editor-sources";
import { EditorRefusal } from "@/components/editor-refusal";
import { FormMessages } from "@/components/form-messages";
import { readFormMessage } from "@/lib/editor/form-message";
import { editorPageGate } from "@/lib/editor/page-gate";
import { getDb } from "@/lib/db";
import { listDeadLetters } from "@/lib/jobs/data";
import {
  addFeedAction,
  editSourceAction,
  setFeedEnabledAction,
  setSourceEnabledAction,
} from "@/lib/source-admin/actions";
import { listSourcesForAdmin } from "@/lib/source-admin/data";

export const metadata: Metadata = { title: "Outlets and feeds", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function EditorSourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session, refusal } = await editorPageGate("/editor/sources");
  if (refusal !== undefined) return <EditorRefusal title="Outlets and feeds" message={refusal} />;
  const query = await searchParams;
  const [{ sources, unfiled }, deadLetters] = await Promise.all([listSourcesForAdmin(), listDeadLetters(getDb())]);
  const { error, notice } = await readFormMessage(getDb(), query, session.userId);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
      <p className="text-sm">
        <Link href="/editor" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Editors
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Outlets and feeds</h1>
      <FormMessages error={error} notice={notice} />
      <EditorSources
        sources={sources}
        unfiled={unfiled}
        actions={{
          editSource: editSourceAction,
          setFeedEnabled: setFeedEnabledAction,
          setSourceEnabled: setSourceEnabledAction,
          addFeed: addFeedAction,
        }}
      />
      <DeadLetters letters={deadLetters} />
    </div>
  );
}

import type { Metadata } from "next";
import { EditorCurationIndex } from "@/components/editor-curation";
import { EditorEventList, EditorTagList } from "@/components/editor-tags";
import { EditorRefusal } from "@/components/editor-refusal";
import { FormMessages } from "@/components/form-messages";
import { getDb } from "@/lib/db";
import { readFormMessage } from "@/lib/editor/form-message";
import { editorPageGate } from "@/lib/editor/page-gate";
import { listCuratedFlags } from "@/lib/curation/data";
import {
  createTagAction,
  mergeTagsAction,
  renameTagAction,
  tagEventAction,
  untagEventAction,
} from "@/lib/tags/actions";
import { listTags, recentEventsForEditors } from "@/lib/tags/data";

export const metadata: Metadata = { title: "Editors", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function EditorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session, refusal } = await editorPageGate("/editor");
  if (refusal !== undefined) return <EditorRefusal title="Editors" message={refusal} />;
  const params = await searchParams;
  const [tags, events, flagged] = await Promise.all([listTags(), recentEventsForEditors(50), listCuratedFlags()]);
  const { error, notice } = await readFormMessage(getDb(), params, session.userId);
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">Editors</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Signed in as {session.email} ({session.role})
        </p>
        <form action="/logout" method="post" className="ml-auto">
          <button
            type="submit"
            className="text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            Sign out
          </button>
        </form>
      </div>
      <FormMessages error={error} notice={notice} />
      <p className="text-sm">
        <a href="/editor/sources" className="text-indigo-700 hover:underline dark:text-indigo-300">
          Outlets and feeds →
        </a>
      </p>
      <EditorCurationIndex items={flagged} />
      <EditorTagList
        tags={tags}
        canMerge={session.role === "admin"}
        actions={{ create: createTagAction, rename: renameTagAction, merge: mergeTagsAction }}
      />
      <EditorEventList events={events} tags={tags} actions={{ tag: tagEventAction, untag: untagEventAction }} />
    </div>
  );
}

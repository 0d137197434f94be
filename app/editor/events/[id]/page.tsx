import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditorEventCuration } from "@/components/editor-curation";
import { EditorRefusal } from "@/components/editor-refusal";
import { FormMessages } from "@/components/form-messages";
import { getDb } from "@/lib/db";
import { readFormMessage } from "@/lib/editor/form-message";
import { editorPageGate } from "@/lib/editor/page-gate";
import {
  editEventAction,
  hideEventAction,
  mergeEventsAction,
  moveArticleAction,
  pinEventAction,
  splitArticlesAction,
} from "@/lib/curation/actions";
import { getEventForCuration } from "@/lib/curation/data";
import { eventParamsSchema } from "@/lib/events/schema";

export const metadata: Metadata = { title: "Curate event", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CurateEventPage({ params, searchParams }: Props) {
  const parsed = eventParamsSchema.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const here = `/editor/events/${parsed.data.id}`;
  const { session, refusal } = await editorPageGate(here);
  if (refusal !== undefined) return <EditorRefusal title="Editors" message={refusal} />;
  const event = await getEventForCuration(parsed.data.id);
  if (!event) notFound();
  const query = await searchParams;
  const { error, notice } = await readFormMessage(getDb(), query, session.userId);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <p className="text-sm">
        <Link href="/editor" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Editors
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{event.title}</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Event #{event.id} · {event.articleCount} article{event.articleCount === 1 ? "" : "s"} · {event.sourceCount}{" "}
          outlet
          {event.sourceCount === 1 ? "" : "s"} ·{" "}
          <Link href={`/events/${event.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            public page
          </Link>
        </p>
      </div>
      <FormMessages error={error} notice={notice} />
      {event.mergedIntoId !== null ? (
        <p>
          This event was merged into{" "}
          <Link
            href={`/editor/events/${event.mergedIntoId}`}
            className="text-indigo-700 hover:underline dark:text-indigo-300"
          >
            event #{event.mergedIntoId}
          </Link>
          .
        </p>
      ) : (
        <EditorEventCuration
          event={event}
          actions={{
            edit: editEventAction,
            pin: pinEventAction,
            hide: hideEventAction,
            merge: mergeEventsAction,
            move: moveArticleAction,
            split: splitArticlesAction,
          }}
        />
      )}
    </div>
  );
}

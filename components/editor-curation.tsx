// The editors' event curation forms. Plain <form>s posting to server actions, so they work without JavaScript;
// each carries returnTo so the editor lands back on this page. Titles and summaries are editors' or outlets' free
// text and reach the page only as React text children or attribute values, which are escaped.
import type { CurationEvent, CurationListItem } from "@/lib/curation/data";

type FormAction = (formData: FormData) => Promise<void>;

const input = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";
const button = "rounded bg-indigo-700 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-800";
const quiet =
  "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";
const muted = "text-xs text-stone-500";

export interface CurationActions {
  edit: FormAction;
  pin: FormAction;
  hide: FormAction;
  merge: FormAction;
  move: FormAction;
  split: FormAction;
}

function Back({ path }: { path: string }) {
  return <input type="hidden" name="returnTo" value={path} />;
}

export function EditorEventCuration({ event, actions }: { event: CurationEvent; actions: CurationActions }) {
  const here = `/editor/events/${event.id}`;
  const splitFormId = `split-${event.id}`;
  return (
    <div className="space-y-8">
      <section aria-labelledby="edit-heading" className="space-y-3">
        <h2 id="edit-heading" className="text-lg font-semibold">
          Title and summary
        </h2>
        <form action={actions.edit} className="space-y-2">
          <input type="hidden" name="eventId" value={event.id} />
          <Back path={here} />
          <label className="flex flex-col text-sm">
            Title
            <input name="title" defaultValue={event.title} required maxLength={300} className={input} />
          </label>
          <label className="flex flex-col text-sm">
            Summary <span className="sr-only">(optional)</span>
            <textarea name="summary" defaultValue={event.summary ?? ""} maxLength={2000} rows={4} className={input} />
          </label>
          <button type="submit" className={button}>
            Save
          </button>
        </form>
      </section>

      <section aria-labelledby="visibility-heading" className="space-y-3">
        <h2 id="visibility-heading" className="text-lg font-semibold">
          Placement
        </h2>
        <p className="text-sm">
          {event.pinned ? "Pinned: listed above every unpinned event." : "Not pinned."}{" "}
          {event.hidden ? "Hidden from the home page, the events API and the feeds." : "Listed."}
        </p>
        <div className="flex flex-wrap gap-2">
          <form action={actions.pin}>
            <input type="hidden" name="eventId" value={event.id} />
            <input type="hidden" name="pinned" value={String(!event.pinned)} />
            <Back path={here} />
            <button type="submit" className={quiet}>
              {event.pinned ? "Unpin" : "Pin"}
            </button>
          </form>
          <form action={actions.hide}>
            <input type="hidden" name="eventId" value={event.id} />
            <input type="hidden" name="hidden" value={String(!event.hidden)} />
            <Back path={here} />
            <button type="submit" className={quiet}>
              {event.hidden ? "Unhide" : "Hide"}
            </button>
          </form>
        </div>
      </section>

      <section aria-labelledby="merge-heading" className="space-y-3">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge
        </h2>
        <form action={actions.merge} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intoEventId" value={event.id} />
          <Back path={here} />
          <label className="flex flex-col text-sm">
            Merge event #
            <input name="fromEventId" inputMode="numeric" pattern="[0-9]+" required className={input} />
          </label>
          <button type="submit" className={quiet}>
            into this one
          </button>
        </form>
        <form action={actions.merge} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="fromEventId" value={event.id} />
          <Back path={here} />
          <label className="flex flex-col text-sm">
            Merge this event into event #
            <input name="intoEventId" inputMode="numeric" pattern="[0-9]+" required className={input} />
          </label>
          <button type="submit" className={quiet}>
            Merge away
          </button>
        </form>
      </section>

      <section aria-labelledby="articles-heading" className="space-y-3">
        <h2 id="articles-heading" className="text-lg font-semibold">
          Articles ({event.articles.length})
        </h2>
        {event.articles.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">No articles.</p>
        ) : (
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {event.articles.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3 py-2">
                {/* Outside any form (forms cannot nest): the form attribute ties it to the split form below. */}
                <input
                  type="checkbox"
                  name="articleIds"
                  value={a.id}
                  form={splitFormId}
                  id={`pick-${a.id}`}
                  aria-label={`Choose article ${a.id} to split off`}
                />
                <label htmlFor={`pick-${a.id}`} className="min-w-0 flex-1 text-sm">
                  {a.title}{" "}
                  <span className={muted}>
                    #{a.id} · {a.source?.name ?? "unknown outlet"}
                  </span>
                </label>
                <form action={actions.move} className="flex gap-1">
                  <input type="hidden" name="articleId" value={a.id} />
                  <Back path={here} />
                  <label className="sr-only" htmlFor={`move-${a.id}`}>
                    Move article {a.id} to event number
                  </label>
                  <input
                    id={`move-${a.id}`}
                    name="toEventId"
                    inputMode="numeric"
                    pattern="[0-9]+"
                    required
                    placeholder="event #"
                    className={`${input} w-24`}
                  />
                  <button type="submit" className={quiet}>
                    Move
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form id={splitFormId} action={actions.split} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="eventId" value={event.id} />
          <Back path={here} />
          <label className="flex flex-col text-sm">
            Title of the new event <span className="sr-only">(optional)</span>
            <input name="title" maxLength={300} placeholder="the earliest headline" className={input} />
          </label>
          <button type="submit" className={button}>
            Split the chosen articles into a new event
          </button>
        </form>
      </section>
    </div>
  );
}

/** For /editor: open an event by number, and find pinned or hidden events again. */
export function EditorCurationIndex({ items }: { items: CurationListItem[] }) {
  return (
    <section aria-labelledby="curation-heading" className="space-y-4">
      <h2 id="curation-heading" className="text-lg font-semibold">
        Curate an event
      </h2>
      <form action="/editor/events" method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Event #
          <input name="id" inputMode="numeric" pattern="[0-9]+" required className={input} />
        </label>
        <button type="submit" className={button}>
          Open
        </button>
      </form>
      {items.length > 0 && (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <a
                href={`/editor/events/${e.id}`}
                className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {e.title}
              </a>
              <span className={muted}>
                #{e.id}
                {e.pinned ? " · pinned" : ""}
                {e.hidden ? " · hidden" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

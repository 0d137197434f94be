// The editors' tag forms. Plain <form>s posting to server actions, so they work without JavaScript. Tag names are
// editors' free text and reach the page only as React text children, which are escaped.
import type { EditorEvent, TagWithCount } from "@/lib/tags/data";

type FormAction = (formData: FormData) => Promise<void>;

const input = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";
const button = "rounded bg-indigo-700 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-800";
const quiet =
  "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

function TagSelect({ name, tags }: { name: string; tags: TagWithCount[] }) {
  return (
    <select name={name} className={input}>
      {tags.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}

export function EditorTagList({
  tags,
  canMerge,
  actions,
}: {
  tags: TagWithCount[];
  canMerge: boolean;
  actions: { create: FormAction; rename: FormAction; merge: FormAction };
}) {
  return (
    <section aria-labelledby="tags-heading" className="space-y-4">
      <h2 id="tags-heading" className="text-lg font-semibold">
        Tags
      </h2>
      <form action={actions.create} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Name
          <input name="name" required maxLength={80} className={input} />
        </label>
        <label className="flex flex-col text-sm">
          Description <span className="sr-only">(optional)</span>
          <input name="description" maxLength={500} className={input} />
        </label>
        <button type="submit" className={button}>
          Create tag
        </button>
      </form>
      {tags.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">No tags yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {tags.map((tag) => (
            <li key={tag.id} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-medium">{tag.name}</span>
              <span className="text-xs text-stone-500">
                {tag.slug} · {tag.eventCount} event{tag.eventCount === 1 ? "" : "s"}
              </span>
              <form action={actions.rename} className="ml-auto flex gap-2">
                <input type="hidden" name="tagId" value={tag.id} />
                <label className="sr-only" htmlFor={`rename-${tag.id}`}>
                  New name for {tag.name}
                </label>
                <input
                  id={`rename-${tag.id}`}
                  name="name"
                  defaultValue={tag.name}
                  required
                  maxLength={80}
                  className={input}
                />
                <button type="submit" className={quiet}>
                  Rename
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {canMerge && tags.length > 1 && (
        <form action={actions.merge} className="flex flex-wrap items-end gap-2">
          {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the <select> that TagSelect renders inside the label */}
          <label className="flex flex-col text-sm">
            Merge tag
            <TagSelect name="fromTagId" tags={tags} />
          </label>
          {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the <select> that TagSelect renders inside the label */}
          <label className="flex flex-col text-sm">
            into
            <TagSelect name="intoTagId" tags={tags} />
          </label>
          <button type="submit" className={button}>
            Merge
          </button>
        </form>
      )}
    </section>
  );
}

export function EditorEventList({
  events,
  tags,
  actions,
}: {
  events: EditorEvent[];
  tags: TagWithCount[];
  actions: { tag: FormAction; untag: FormAction };
}) {
  return (
    <section aria-labelledby="events-heading" className="space-y-4">
      <h2 id="events-heading" className="text-lg font-semibold">
        Recent events
      </h2>
      <datalist id="editor-tag-names">
        {tags.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      {events.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">No events yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {events.map((event) => (
            <li key={event.id} className="space-y-2 py-3">
              <p>
                <a
                  href={`/events/${event.id}`}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {event.title}
                </a>{" "}
                <span className="text-xs text-stone-500">
                  #{event.id} · {event.sourceCount} outlet{event.sourceCount === 1 ? "" : "s"}
                </span>
              </p>
              <div className="flex flex-wrap items-center gap-2">
                {event.tags.map((tag) => (
                  <form key={tag.id} action={actions.untag} className="inline-flex">
                    <input type="hidden" name="eventId" value={event.id} />
                    <input type="hidden" name="tagId" value={tag.id} />
                    <button type="submit" className={quiet} aria-label={`Remove tag ${tag.name}`}>
                      {tag.name} ×
                    </button>
                  </form>
                ))}
                <form action={actions.tag} className="inline-flex gap-1">
                  <input type="hidden" name="eventId" value={event.id} />
                  <label className="sr-only" htmlFor={`tag-${event.id}`}>
                    Add a tag to event {event.id}
                  </label>
                  <input
                    id={`tag-${event.id}`}
                    name="name"
                    list="editor-tag-names"
                    required
                    maxLength={80}
                    placeholder="Add tag"
                    className={input}
                  />
                  <button type="submit" className={quiet}>
                    Tag
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

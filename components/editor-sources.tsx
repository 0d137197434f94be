// The editors' outlets and feeds page: metadata forms, feed health and the enable/disable and add-feed forms.
// Plain <form>s posting to server actions, so they work without JavaScript. Names, titles, URLs and fetch errors
// come from outlets and remote servers and reach the page only as escaped text or attribute values; a homepage is
// linked only because the schema keeps it to http(s).
import { DateTime } from "@/components/date-time";
import type { AdminFeed, AdminSource } from "@/lib/source-admin/data";
import { feedHealth } from "@/lib/sources/feed-health";
import { KINDS, LEANS } from "@/lib/source-admin/schema";

type FormAction = (formData: FormData) => Promise<void>;

export interface SourcesActions {
  editSource: FormAction;
  setFeedEnabled: FormAction;
  setSourceEnabled: FormAction;
  addFeed: FormAction;
}

const input = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";
const button = "rounded bg-indigo-700 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-800";
const quiet =
  "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";
const muted = "text-xs text-stone-500";

function FeedRow({ feed, action }: { feed: AdminFeed; action: FormAction }) {
  const health = feedHealth(feed);
  return (
    <li className="space-y-1 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 break-all font-mono text-xs">{feed.url}</span>
        <span className={health.alarm ? "text-xs font-semibold text-red-700 dark:text-red-300" : muted}>
          {health.state}
        </span>
        {health.unverified && (
          <span
            className="rounded border border-amber-600 px-1 text-xs text-amber-800 dark:text-amber-300"
            title="A shipped default feed whose URL was never seen to answer: check it with npm run feeds:check"
          >
            unverified
          </span>
        )}
        <form action={action} className="ml-auto">
          <input type="hidden" name="feedId" value={feed.id} />
          <input type="hidden" name="enabled" value={String(!feed.enabled)} />
          <button type="submit" className={quiet}>
            {feed.enabled ? "Disable" : "Enable"}
          </button>
        </form>
      </div>
      <p className={muted}>
        #{feed.id}
        {feed.title ? ` · ${feed.title}` : ""} · last success <DateTime value={feed.lastSuccessAt} fallback="never" /> ·
        consecutive failures {feed.consecutiveFailures} · next fetch{" "}
        <DateTime value={feed.nextFetchAt} fallback="as soon as possible" />
      </p>
      {health.error && (
        <p
          className={`break-words text-xs text-red-800 dark:text-red-200 ${health.state === "never fetched" ? "font-semibold" : ""}`}
        >
          {health.error}
        </p>
      )}
    </li>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | null;
  options: readonly string[];
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={input}>
        <option value="">(not set)</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function SourceCard({ source, actions }: { source: AdminSource; actions: SourcesActions }) {
  return (
    <li className="space-y-3 rounded border border-stone-200 p-3 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">
          {source.name} <span className={muted}>{source.domain}</span>
          {!source.enabled && <span className={`${muted} ml-2`}>disabled: its feeds are not polled</span>}
        </h3>
        <form action={actions.setSourceEnabled} className="ml-auto">
          <input type="hidden" name="sourceId" value={source.id} />
          <input type="hidden" name="enabled" value={String(!source.enabled)} />
          <button type="submit" className={quiet}>
            {source.enabled ? "Disable outlet" : "Enable outlet"}
          </button>
        </form>
      </div>
      <form action={actions.editSource} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="sourceId" value={source.id} />
        <label className="flex flex-col text-sm">
          Name
          <input name="name" defaultValue={source.name} required maxLength={200} className={input} />
        </label>
        <label className="flex flex-col text-sm">
          Country
          <input
            name="country"
            defaultValue={source.country ?? ""}
            maxLength={2}
            pattern="[A-Za-z]{2}"
            placeholder="GB"
            className={`${input} w-16`}
          />
        </label>
        <label className="flex flex-col text-sm">
          Language
          <input
            name="language"
            defaultValue={source.language ?? ""}
            maxLength={2}
            pattern="[A-Za-z]{2}"
            placeholder="en"
            className={`${input} w-16`}
          />
        </label>
        <Select name="kind" label="Kind" value={source.kind} options={KINDS} />
        <Select name="lean" label="Lean" value={source.lean} options={LEANS} />
        <label className="flex flex-col text-sm">
          Homepage
          <input
            name="homepage"
            type="url"
            defaultValue={source.homepage ?? ""}
            maxLength={2000}
            placeholder="https://"
            className={input}
          />
        </label>
        <label className="flex flex-col text-sm">
          Ownership
          <input
            name="ownership"
            defaultValue={source.ownership ?? ""}
            maxLength={200}
            placeholder="e.g. public trust"
            className={input}
          />
        </label>
        <button type="submit" className={button}>
          Save
        </button>
      </form>
      {source.feeds.length === 0 ? (
        <p className={muted}>No feeds.</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {source.feeds.map((f) => (
            <FeedRow key={f.id} feed={f} action={actions.setFeedEnabled} />
          ))}
        </ul>
      )}
      <form action={actions.addFeed} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="sourceId" value={source.id} />
        <label className="flex flex-col text-sm">
          Add a feed to {source.name} (feed or site URL)
          <input name="url" type="url" required maxLength={2000} placeholder="https://" className={input} />
        </label>
        <button type="submit" className={quiet}>
          Add feed
        </button>
      </form>
    </li>
  );
}

export function EditorSources({
  sources,
  unfiled,
  actions,
}: {
  sources: AdminSource[];
  unfiled: AdminFeed[];
  actions: SourcesActions;
}) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="add-heading" className="space-y-2">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a feed
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          A site&apos;s address is enough: its feed is found and filed under that site&apos;s outlet.
        </p>
        <form action={actions.addFeed} className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm">
            Feed or site URL
            <input name="url" type="url" required maxLength={2000} placeholder="https://" className={input} />
          </label>
          <button type="submit" className={button}>
            Add feed
          </button>
        </form>
      </section>
      <section aria-labelledby="outlets-heading" className="space-y-3">
        <h2 id="outlets-heading" className="text-lg font-semibold">
          Outlets ({sources.length})
        </h2>
        {sources.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">No outlets yet.</p>
        ) : (
          <ul className="space-y-4">
            {sources.map((s) => (
              <SourceCard key={s.id} source={s} actions={actions} />
            ))}
          </ul>
        )}
      </section>
      {unfiled.length > 0 && (
        <section aria-labelledby="unfiled-heading" className="space-y-3">
          <h2 id="unfiled-heading" className="text-lg font-semibold">
            Feeds without an outlet
          </h2>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {unfiled.map((f) => (
              <FeedRow key={f.id} feed={f} action={actions.setFeedEnabled} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

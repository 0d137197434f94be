const code = "rounded bg-stone-100 px-1 dark:bg-stone-800";

function Command({ children }: { children: string }) {
  return (
    <pre className="mt-2 overflow-x-auto rounded-md bg-stone-900 px-4 py-3 text-sm text-stone-100 dark:bg-black">
      <code>{children}</code>
    </pre>
  );
}

export function EmptyState() {
  return (
    <section
      aria-labelledby="empty-title"
      className="rounded-lg border border-dashed border-stone-300 bg-white p-6 dark:border-stone-700 dark:bg-stone-900"
    >
      <h2 id="empty-title" className="text-xl font-semibold">
        No events yet
      </h2>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Parallax groups articles about the same event and shows them side by side. Give it some articles:
      </p>
      <ol className="mt-4 max-w-prose list-decimal space-y-5 pl-5">
        <li>
          Import a folder of saved articles (text or HTML files), such as the seeds:
          <Command>npm run ingest -- ../shared/seeds</Command>
        </li>
        <li>
          Or fetch a single article by its URL:
          <Command>npm run ingest -- https://example.com/article</Command>
        </li>
        <li>
          Add an outlet&apos;s feed (a homepage works: its feed is discovered), or load your own source list:
          <Command>npm run feeds:add -- https://www.example.com/</Command>
          <Command>npm run sources:import -- my-sources.opml</Command>
        </li>
        <li>
          Keep it current: <code className={code}>npm start</code> serves this site and polls the outlets&apos; feeds,
          every 15 minutes unless <code className={code}>INGEST_INTERVAL_MINUTES</code> says otherwise. New events
          appear here as their articles arrive.
        </li>
      </ol>
    </section>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-stone-600 sm:px-6 dark:text-stone-400">
        <p>Parallax is open source. Articles belong to their outlets; follow the links to read them in full.</p>
        <p>
          JSON:{" "}
          <a className="underline underline-offset-2 hover:text-stone-900 dark:hover:text-stone-100" href="/api/events">
            /api/events
          </a>
        </p>
      </div>
    </footer>
  );
}

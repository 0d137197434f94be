"use client";

// Shown when a page fails to render (most often: the database is missing or not migrated).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        The page could not be loaded. If this is a new installation, run{" "}
        <code className="rounded bg-stone-100 px-1 dark:bg-stone-800">npm run db:migrate</code> and try again.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800"
      >
        Try again
      </button>
    </div>
  );
}

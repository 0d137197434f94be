import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-4 sm:px-6">
        <Link href="/" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-stone-50">
          Parallax
        </Link>
        <p className="text-sm text-stone-600 dark:text-stone-400">The same story, side by side, across outlets.</p>
        <nav aria-label="Site" className="ml-auto text-sm">
          <Link href="/search" className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
            Search
          </Link>
          {/* A plain link: /editor itself sends a signed-out visitor to /login. */}
          <Link href="/editor" className="ml-4 text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
            Editors
          </Link>
        </nav>
      </div>
    </header>
  );
}

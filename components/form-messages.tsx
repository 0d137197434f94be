/**
 * The outcome of the last form post, carried back in the query string by the redirect: only what
 * lib/editor/form-message.ts verified as the runner's own, never raw text from the link.
 */
export function FormMessages({ error, notice }: { error?: string | null; notice?: string | null }) {
  if (error) {
    return (
      <p
        role="alert"
        className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p
        role="status"
        className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
      >
        {notice}
      </p>
    );
  }
  return null;
}

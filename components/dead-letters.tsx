import { DateTime } from "@/components/date-time";
import type { DeadLetter } from "@/lib/jobs/data";

/** Jobs that failed every retry (PostgreSQL workers only): what they were, their input, and why they failed. */
export function DeadLetters({ letters }: { letters: DeadLetter[] }) {
  if (letters.length === 0) return null;
  return (
    <section aria-labelledby="dead-letters-heading" className="space-y-3">
      <h2 id="dead-letters-heading" className="text-lg font-semibold">
        Dead letters ({letters.length})
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Jobs that failed every retry. They are kept for 30 days; the next poll of their feed tries the items again.
      </p>
      <ul className="divide-y divide-stone-200 text-sm dark:divide-stone-800">
        {letters.map((l) => (
          <li key={l.id} className="space-y-1 py-2">
            <p>
              <span className="font-medium">{l.kind}</span> · failed <DateTime value={l.failedAt} />
            </p>
            <p className="text-red-800 dark:text-red-300">{l.error}</p>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all text-xs text-stone-600 dark:text-stone-400">
              {JSON.stringify(l.input)}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

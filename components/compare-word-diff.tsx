import type { DiffPart } from "@/lib/compare/schema";

/** A word diff as text with <ins>/<del>, readable without styles ("[+…]" / "[-…]" for screen readers). */
export function CompareWordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === "same" ? (
          p.text
        ) : p.op === "ins" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one word diff, in order, never reordered
          <ins key={i} className="rounded bg-emerald-100 px-0.5 no-underline dark:bg-emerald-900/60">
            <span className="sr-only">added: </span>
            {p.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one word diff, in order, never reordered
          <del key={i} className="rounded bg-rose-100 px-0.5 dark:bg-rose-900/60">
            <span className="sr-only">removed: </span>
            {p.text}
          </del>
        ),
      )}
    </>
  );
}

import type { ComparedArticle } from "@/lib/compare/schema";

/** How many of the article's claims no other outlet reported, for the column header. */
export function OnlyHereNote({ compared }: { compared: ComparedArticle }) {
  const unique = compared.sentences.filter((s) => s.unique).length;
  if (unique === 0) return null;
  return (
    <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
      <mark className="bg-amber-100 px-1 dark:bg-amber-800/60 dark:text-stone-50">only here</mark>: {unique}{" "}
      {unique === 1 ? "claim" : "claims"} no other outlet reported
    </p>
  );
}

/**
 * Consecutive sentences joined into runs of plain text and one mark per claim only here: a big event has thousands
 * of sentences, and an element each would multiply the page's size and render time for nothing.
 */
function runs(sentences: ComparedArticle["sentences"]): { key: number; text: string; unique: boolean }[] {
  const out: { key: number; text: string; unique: boolean }[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (s.unique) {
      // The space between two sentences stays outside the marks.
      if (last?.unique) out.push({ key: -s.index, text: " ", unique: false });
      else if (last) last.text += " ";
      out.push({ key: s.index, text: s.text, unique: true });
    } else if (last && !last.unique) last.text += ` ${s.text}`;
    else out.push({ key: s.index, text: last ? ` ${s.text}` : s.text, unique: false });
  }
  return out;
}

/** The article's body from the comparison's sentences, the claims no other outlet reported marked "only here". */
export function CompareMarkedText({ compared, lang }: { compared: ComparedArticle; lang?: string }) {
  const paragraphs: ComparedArticle["sentences"][] = [];
  for (const s of compared.sentences) {
    paragraphs[s.paragraph] ??= [];
    paragraphs[s.paragraph].push(s);
  }
  return (
    <div lang={lang} className="space-y-4 font-serif leading-relaxed">
      {paragraphs.filter(Boolean).map((sentences) => (
        <p key={sentences[0].paragraph}>
          {runs(sentences).map((run) =>
            run.unique ? (
              <mark
                key={run.key}
                className="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50"
                title="Only this outlet reported this"
              >
                <span className="sr-only">[only here] </span>
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}

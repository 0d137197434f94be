import { paragraphs } from "@/lib/events/format";

/** The stored clean text as paragraphs: plain text, so nothing from the page is rendered as markup. */
export function ArticleText({ text, lang, className = "" }: { text: string; lang?: string; className?: string }) {
  const paras = paragraphs(text);
  if (paras.length === 0) return <p className="italic text-stone-600 dark:text-stone-400">No text was extracted.</p>;
  return (
    <div lang={lang} className={`space-y-4 font-serif leading-relaxed ${className}`}>
      {paras.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one stored text, rendered once in order, never reordered
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

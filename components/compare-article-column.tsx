import Link from "next/link";
import type { ComparedArticle } from "@/lib/compare/schema";
import type { EventArticle } from "@/lib/events/types";
import { langAttribute, languageName } from "@/lib/events/format";
import { ArticleText } from "./article-text";
import { DateTime } from "./date-time";
import { OutletName } from "./outlet-name";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100";

/**
 * One article of an event as a column (the same shell as ArticleColumn), its body rendered from the comparison's
 * sentences so that claims no other outlet reported are marked "only here".
 */
export function CompareArticleColumn({ article, compared }: { article: EventArticle; compared: ComparedArticle | undefined }) {
  const titleId = `article-${article.id}-title`;
  const lang = langAttribute(article.language);
  const language = languageName(article.language);
  const unique = compared?.sentences.filter((s) => s.unique).length ?? 0;
  return (
    <article
      aria-labelledby={titleId}
      tabIndex={0}
      className="flex flex-col rounded-lg border border-stone-200 bg-white shadow-sm md:h-full md:overflow-y-auto dark:border-stone-800 dark:bg-stone-900"
    >
      <header className="border-b border-stone-200 bg-stone-50/95 px-5 pb-4 pt-4 md:sticky md:top-0 md:z-10 md:backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
        <p className="text-sm">
          <OutletName source={article.source} />
        </p>
        <p className="mt-0.5 text-xs text-stone-600 dark:text-stone-400">
          <DateTime value={article.publishedAt} />
          {language && <> · {language}</>}
        </p>
        <h3 id={titleId} lang={lang} className="mt-2 text-lg font-semibold leading-snug text-balance">
          {article.title}
        </h3>
        {article.byline && <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">By {article.byline}</p>}
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/articles/${article.id}`} className={linkClass}>
            Reader view
          </Link>
          {article.url && (
            <a href={article.url} rel="noopener noreferrer nofollow" className={linkClass}>
              Original<span className="sr-only"> on {article.source?.name ?? "the outlet's site"}</span> ↗
            </a>
          )}
        </p>
        {compared && unique > 0 && (
          <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
            <mark className="bg-amber-100 px-1 dark:bg-amber-800/60 dark:text-stone-50">only here</mark>: {unique}{" "}
            {unique === 1 ? "claim" : "claims"} no other outlet reported
          </p>
        )}
      </header>
      <div className="px-5 py-4 text-[1.02rem]">
        {article.status === "partial" && (
          <p className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Only the feed&apos;s excerpt could be fetched; the original has the full text.
          </p>
        )}
        {compared && compared.sentences.length > 0 ? <MarkedText compared={compared} lang={lang} /> : <ArticleText text={article.text} lang={lang} />}
      </div>
    </article>
  );
}

function MarkedText({ compared, lang }: { compared: ComparedArticle; lang?: string }) {
  const paragraphs: ComparedArticle["sentences"][] = [];
  for (const s of compared.sentences) (paragraphs[s.paragraph] ??= []).push(s);
  return (
    <div lang={lang} className="space-y-4 font-serif leading-relaxed">
      {paragraphs.filter(Boolean).map((sentences, i) => (
        <p key={i}>
          {sentences.map((s, k) => (
            <span key={s.index}>
              {k > 0 && " "}
              {s.unique ? (
                <mark className="bg-amber-100 dark:bg-amber-800/60 dark:text-stone-50" title="Only this outlet reported this">
                  <span className="sr-only">[only here] </span>
                  {s.text}
                </mark>
              ) : (
                s.text
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

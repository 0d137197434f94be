import Link from "next/link";
import type { ReactNode } from "react";
import type { EventArticle } from "@/lib/events/types";
import { columnParagraphs } from "@/lib/events/column-text";
import { langAttribute, languageName } from "@/lib/events/format";
import { ArticleText } from "./article-text";
import { DateTime } from "./date-time";
import { OutletName } from "./outlet-name";

const linkClass =
  "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100";

/**
 * One article of an event, as a column. On wide screens it scrolls on its own, so it is focusable for
 * keyboard users (arrow keys scroll it) and named by its headline. `notes` go at the foot of the sticky header
 * (what the comparison says about the article); `children` replace the plain text as the body. The body shows the
 * article's beginning up to the column's bound (lib/events/column-text.ts), then a link to the reader view for the
 * rest: `cut` says that `children` left part of the article out.
 */
export function ArticleColumn({
  article,
  notes,
  children,
  cut = false,
}: {
  article: EventArticle;
  notes?: ReactNode;
  children?: ReactNode;
  cut?: boolean;
}) {
  const titleId = `article-${article.id}-title`;
  const lang = langAttribute(article.language);
  const language = languageName(article.language);
  const shown = columnParagraphs(article.text);
  return (
    <article
      aria-labelledby={titleId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the column scrolls on its own (md:overflow-y-auto); focusable so the keyboard can scroll it (axe: scrollable-region-focusable)
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
        {notes}
      </header>
      <div className="px-5 py-4 text-[1.02rem]">
        {article.status === "partial" && (
          <p className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Only the feed&apos;s excerpt could be fetched; the original has the full text.
          </p>
        )}
        {children ?? <ArticleText text={shown.paragraphs.join("\n\n")} lang={lang} />}
        {(shown.cut || cut) && (
          <p
            className="mt-4 border-t border-stone-200 pt-3 text-sm dark:border-stone-800"
            data-testid="continue-reading"
          >
            <span className="text-stone-600 dark:text-stone-400">This column shows the article&apos;s beginning. </span>
            <Link href={`/articles/${article.id}`} className={linkClass}>
              Continue reading in the reader view<span className="sr-only">: {article.title}</span> →
            </Link>
          </p>
        )}
      </div>
    </article>
  );
}

import Link from "next/link";
import type { ArticleView } from "@/lib/articles/data";
import { langAttribute } from "@/lib/events/format";
import { imagesAsLinks } from "@/lib/site/offsite-images";
import { ArticleText } from "./article-text";
import { DateTime } from "./date-time";
import { OutletName } from "./outlet-name";

const linkClass =
  "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100";

export function ReaderView({ article }: { article: ArticleView }) {
  const lang = langAttribute(article.language);
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      {article.eventId !== null && (
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/events/${article.eventId}`} className={linkClass}>
            ← Compare with other outlets&apos; coverage
          </Link>
        </nav>
      )}
      <article aria-labelledby="article-title" className="mt-4">
        <header className="border-b border-stone-200 pb-5 dark:border-stone-800">
          <p className="text-sm">
            <OutletName source={article.source} />
          </p>
          <h1
            id="article-title"
            lang={lang}
            className="mt-2 text-3xl font-bold leading-tight tracking-tight text-balance"
          >
            {article.title}
          </h1>
          <p className="mt-3 text-sm text-stone-700 dark:text-stone-300">
            {article.byline && <>By {article.byline} · </>}
            <DateTime value={article.publishedAt} />
          </p>
          {article.url && (
            <p className="mt-2 text-sm">
              <a href={article.url} rel="noopener noreferrer nofollow" className={linkClass}>
                Read the original{article.source ? ` on ${article.source.domain}` : ""} ↗
              </a>
            </p>
          )}
        </header>
        {article.status === "partial" && (
          <p className="mt-5 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Only the feed&apos;s excerpt could be fetched; the original has the full text.
          </p>
        )}
        <div className="mt-6 text-lg">
          {article.html.trim() ? (
            // Sanitized against an allowlist at ingest (lib/extract), so it is safe to render as HTML; its images
            // become links, so that reading here does not call the outlets' image hosts (lib/site/offsite-images.ts).
            <div
              lang={lang}
              className="article-html font-serif"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: stored HTML was written at extraction under the one allowlist of lib/extract/sanitize-policy.ts (html/safe-body-html.ts, sanitize.ts) or from escaped text (text-dump)
              dangerouslySetInnerHTML={{ __html: imagesAsLinks(article.html) }}
            />
          ) : (
            <ArticleText text={article.text} lang={lang} />
          )}
        </div>
      </article>
    </div>
  );
}

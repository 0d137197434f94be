import Link from "next/link";
import type { AlignedRow } from "@/lib/compare/align";
import type { ComparedArticle, Comparison } from "@/lib/compare/schema";
import { selectColumns, type EventViewQuery } from "@/lib/compare/view-params";
import type { EventArticle, EventDetail } from "@/lib/events/types";
import { columnSentences } from "@/lib/events/column-text";
import { countryName, langAttribute, plural } from "@/lib/events/format";
import { ArticleColumn } from "./article-column";
import { AlsoPublishedBy } from "./also-published-by";
import { CompareColumnsForm } from "./compare-columns-form";
import { CompareCoverage } from "./compare-coverage";
import { CompareEntities } from "./compare-entities";
import { CompareHeadlines } from "./compare-headlines";
import { CompareMarkedText, OnlyHereNote } from "./compare-marked-text";
import { CompareQuotes } from "./compare-quotes";
import { CompareShared } from "./compare-shared";
import { CompareTwo } from "./compare-two";
import { DateTime, TimeSpan } from "./date-time";
import { OutletName } from "./outlet-name";

export interface EventComparisonView {
  comparison: Comparison | null;
  query: EventViewQuery;
  pair: { a: EventArticle; b: EventArticle; rows: AlignedRow[] } | null;
}

const noComparison: EventComparisonView = { comparison: null, query: { order: "date" }, pair: null };

export function EventView({ event, compare = noComparison }: { event: EventDetail; compare?: EventComparisonView }) {
  const { sources } = event;
  const { comparison, query, pair } = compare;
  const unknown = event.articles.filter((a) => !a.source).length;
  // Syndicated copies get no column of their own: their original's column lists them.
  const copiesOf = new Map<number, EventArticle[]>();
  const byId = new Map(event.articles.map((a) => [a.id, a]));
  for (const c of comparison?.copies ?? []) {
    const copy = byId.get(c.id);
    if (copy && byId.has(c.originalId)) copiesOf.set(c.originalId, [...(copiesOf.get(c.originalId) ?? []), copy]);
  }
  const copyIds = new Set([...copiesOf.values()].flat().map((c) => c.id));
  const reports = event.articles.filter((a) => !copyIds.has(a.id));
  // The columns as asked for in the query string (a subset of outlets, by date or by outlet name).
  const articles = selectColumns(reports, query, (a) =>
    (copiesOf.get(a.id) ?? []).flatMap((c) => (c.source ? [c.source.domain] : [])),
  );
  const compared = new Map(comparison?.articles.map((a) => [a.id, a]) ?? []);
  const keep: Record<string, string> = {};
  if (query.outlets?.length) keep.outlets = query.outlets.join(",");
  if (query.order !== "date") keep.order = query.order;
  return (
    <div className="py-6">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            ← All events
          </Link>
        </nav>
        <header className="mt-3">
          <h1 className="max-w-4xl text-3xl font-bold leading-tight tracking-tight text-balance">{event.title}</h1>
          {event.summary && <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">{event.summary}</p>}
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            <TimeSpan first={event.firstSeenAt} last={event.lastSeenAt} /> · {plural(articles.length, "article")}
            {copyIds.size > 0 && (
              <> · {plural(copyIds.size, "syndicated copy", "syndicated copies")} shown with their original</>
            )}
          </p>
          <p className="mt-2 max-w-4xl">
            <strong>Covered by {plural(sources.length, "outlet")}</strong>
            {sources.length > 0 && ": "}
            {sources.map((s, i) => (
              <span key={s.domain}>
                {i > 0 && ", "}
                {s.name}
                {s.country && <span className="text-stone-600 dark:text-stone-400"> ({countryName(s.country)})</span>}
              </span>
            ))}
            {unknown > 0 && (
              <span className="text-stone-600 dark:text-stone-400">
                {sources.length > 0 ? ", and " : " ("}
                {plural(unknown, "article")} from an unknown outlet{sources.length > 0 ? "" : ")"}
              </span>
            )}
          </p>
        </header>

        {comparison && comparison.articles.length > 1 && <CompareShared comparison={comparison} />}

        {comparison && articles.length > 1 && (
          <CompareHeadlines comparison={comparison} order={articles.map((a) => a.id)} />
        )}

        {!comparison && articles.length > 2 && (
          <section aria-labelledby="headlines-title" className="mt-6">
            <h2 id="headlines-title" className="text-lg font-semibold">
              Headlines at a glance
            </h2>
            <ol className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
              {articles.map((a) => (
                <li key={a.id} className="grid gap-x-4 px-4 py-2 text-sm sm:grid-cols-[12rem_1fr_auto]">
                  <span className="truncate">
                    <OutletName source={a.source} withCountry={false} />
                  </span>
                  <a href={`#article-${a.id}`} className="font-medium hover:underline">
                    {a.title}
                  </a>
                  <span className="text-xs text-stone-600 sm:text-sm dark:text-stone-400">
                    <DateTime value={a.publishedAt} />
                  </span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>

      <section aria-labelledby="coverage-title" className="mt-8">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <h2 id="coverage-title" className="text-lg font-semibold">
            Side by side
          </h2>
          <p className="mt-1 hidden text-sm text-stone-600 md:block dark:text-stone-400">
            {query.order === "outlet" ? "By outlet name." : "Oldest first."} Scroll sideways for more outlets; each
            column scrolls on its own.
          </p>
          {event.articles.length > 1 && <CompareColumnsForm sources={sources} query={query} pair={pair} />}
        </div>
        {/* Wide screens: a board of fixed-width columns as tall as the viewport, scrolling sideways (relative, so
            that visually hidden, absolutely positioned labels inside stay clipped by it and do not widen the page); narrow
            screens: the columns stacked. The board is focusable so the keyboard can scroll it too. */}
        {articles.length === 0 && (
          <p className="mx-auto mt-3 max-w-6xl px-4 text-stone-700 sm:px-6 dark:text-stone-300">
            This event has no articles left.
          </p>
        )}
        <section
          aria-label="Articles side by side"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region; focusable so the keyboard can scroll it (axe: scrollable-region-focusable)
          tabIndex={0}
          className="relative mt-3 md:h-[calc(100dvh-2rem)] md:min-h-[30rem] md:overflow-x-auto md:overscroll-x-contain"
        >
          <ol className="flex flex-col gap-5 px-4 pb-4 sm:px-6 md:h-full md:w-max md:flex-row md:items-stretch md:pl-[max(1.5rem,calc((100vw-72rem)/2+1.5rem))]">
            {articles.map((a) => (
              <li
                key={a.id}
                id={`article-${a.id}`}
                data-testid="article-column"
                className="scroll-mt-4 md:h-full md:w-[24rem] md:shrink-0 lg:w-[25rem]"
              >
                <Column article={a} compared={compared.get(a.id)} copies={copiesOf.get(a.id) ?? []} />
              </li>
            ))}
          </ol>
        </section>
      </section>

      {comparison && (
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <CompareQuotes comparison={comparison} />
          <CompareCoverage comparison={comparison} />
          <CompareEntities comparison={comparison} />
          <CompareTwo articles={reports} selected={pair} rows={pair?.rows ?? null} keep={keep} />
        </div>
      )}
    </div>
  );
}

function Column({
  article,
  compared,
  copies,
}: {
  article: EventArticle;
  compared: ComparedArticle | undefined;
  copies: EventArticle[];
}) {
  const notes = (
    <>
      <AlsoPublishedBy copies={copies} />
      {compared && <OnlyHereNote compared={compared} />}
    </>
  );
  // The marked text is bounded like the plain text: the column shows the beginning, the reader view the rest.
  const shown = compared && compared.sentences.length > 0 ? columnSentences(compared.sentences) : null;
  return (
    <ArticleColumn article={article} notes={notes} cut={shown?.cut}>
      {compared && shown ? (
        <CompareMarkedText
          compared={{ ...compared, sentences: shown.sentences }}
          lang={langAttribute(article.language)}
        />
      ) : undefined}
    </ArticleColumn>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/search-form";
import { SearchResults } from "@/components/search-results";
import { SubscribeLinks } from "@/components/subscribe-links";
import { plural } from "@/lib/events/format";
import { listSearchOutlets, SEARCH_PAGE_SIZE, searchEvents, searchOffset } from "@/lib/search/data";
import { searchParamsSchema, searchQueryString, type SearchParams } from "@/lib/search/schema";
import { feedAlternates } from "@/lib/syndication/alternates";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function feedParams(params: SearchParams) {
  const { page: _page, ...rest } = params;
  return rest;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = searchParamsSchema.parse(await searchParams);
  if (!params.q.trim()) return { title: "Search" };
  return {
    title: `Search: ${params.q}`,
    // Result pages are endless permutations of the same events; keep them out of search engines.
    robots: { index: false },
    alternates: feedAlternates({ kind: "search", params: feedParams(params) }, `Parallax search: ${params.q}`),
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = searchParamsSchema.parse(await searchParams);
  const outlets = await listSearchOutlets();
  const result = await searchEvents(params);
  const offset = searchOffset(params.page);
  const pageCount = result ? Math.ceil(result.total / SEARCH_PAGE_SIZE) : 0;
  const pageHref = (page: number) => `/search?${searchQueryString({ ...params, page })}`;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <div className="mt-6">
        <SearchForm params={params} outlets={outlets} />
      </div>
      {result && (
        <section aria-label="Results" className="mt-8">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-sm text-stone-700 dark:text-stone-300" role="status">
              {result.total === 0
                ? "No events match."
                : `${plural(result.total, "event")} ${result.total === 1 ? "matches" : "match"}, most relevant first.`}
            </p>
            <SubscribeLinks target={{ kind: "search", params: feedParams(params) }} label="Subscribe to this search" />
          </div>
          {result.hits.length > 0 ? (
            <SearchResults hits={result.hits} start={offset + 1} />
          ) : (
            result.total > 0 && (
              <p>
                There is no page {params.page}.{" "}
                <Link href={pageHref(1)} className="text-indigo-700 underline dark:text-indigo-300">
                  Back to the first page
                </Link>
                .
              </p>
            )
          )}
          {pageCount > 1 && (
            <nav aria-label="Pages" className="mt-8 flex items-center justify-between gap-4 text-sm">
              {params.page > 1 ? (
                <Link href={pageHref(params.page - 1)} rel="prev">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span>
                Page {params.page} of {pageCount}
              </span>
              {params.page < pageCount ? (
                <Link href={pageHref(params.page + 1)} rel="next">
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

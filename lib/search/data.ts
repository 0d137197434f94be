// Reads for the search page: the outlets its form offers and one page of results.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { getSearchIndex } from "./index";
import { dateBounds, type SearchParams } from "./schema";
import type { SearchResult } from "./types";

export const SEARCH_PAGE_SIZE = 20;

/** How many results come before page `page` (counted from 1). */
export function searchOffset(page: number): number {
  return (page - 1) * SEARCH_PAGE_SIZE;
}

/** Every outlet by name, for the search form's outlet filter. */
export function listSearchOutlets(db: Db = getDb()): Promise<{ name: string; domain: string }[]> {
  return db.source.findMany({ select: { name: true, domain: true }, orderBy: { name: "asc" } });
}

/** The page of results `params` asks for, or null when there is nothing to search for. */
export async function searchEvents(params: SearchParams, db: Db = getDb()): Promise<SearchResult | null> {
  if (!params.q.trim()) return null;
  const offset = searchOffset(params.page);
  return getSearchIndex(db).query({
    q: params.q,
    outlet: params.outlet,
    tag: params.tag,
    ...dateBounds(params),
    limit: SEARCH_PAGE_SIZE,
    offset,
  });
}

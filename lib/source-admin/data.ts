import "server-only";
import { getDb, type Db } from "@/lib/db";

export interface AdminFeed {
  id: number;
  url: string;
  title: string | null;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastFetchedAt: Date | null;
  nextFetchAt: Date | null;
  consecutiveFailures: number;
  lastError: string | null;
}

export interface AdminSource {
  id: number;
  name: string;
  domain: string;
  country: string | null;
  language: string | null;
  kind: string | null;
  lean: string | null;
  homepage: string | null;
  ownership: string | null;
  enabled: boolean;
  feeds: AdminFeed[];
}

const feedSelect = {
  id: true,
  url: true,
  title: true,
  enabled: true,
  lastSuccessAt: true,
  lastFetchedAt: true,
  nextFetchAt: true,
  consecutiveFailures: true,
  lastError: true,
} as const;

/** Every outlet with its feeds, failing feeds first within an outlet, and the feeds filed under no outlet. */
export async function listSourcesForAdmin(db: Db = getDb()): Promise<{ sources: AdminSource[]; unfiled: AdminFeed[] }> {
  const [sources, unfiled] = await Promise.all([
    db.source.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        domain: true,
        country: true,
        language: true,
        kind: true,
        lean: true,
        homepage: true,
        ownership: true,
        enabled: true,
        feeds: { select: feedSelect, orderBy: [{ consecutiveFailures: "desc" }, { url: "asc" }] },
      },
    }),
    db.feed.findMany({
      where: { sourceId: null },
      select: feedSelect,
      orderBy: [{ consecutiveFailures: "desc" }, { url: "asc" }],
    }),
  ]);
  return { sources, unfiled };
}

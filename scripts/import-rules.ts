// Which lib/ module may import which, written down once and checked by `npm run check:imports`
// (scripts/check-imports.ts). Layers are listed in stage order: a module imports its own layer and earlier ones,
// never a later one, so an input runs fetch → extract → store → cluster → compare → render without any stage
// reaching forward. app/, components/ and scripts/ sit above every layer and may import any of them.

export interface Layer {
  name: string;
  /** Names under lib/: a folder, or a file without its extension (lib/db.ts and lib/db/ are both "db"). */
  modules: string[];
}

export const LAYERS: Layer[] = [
  // Configuration, the database handle and the generated Prisma client; nothing about news.
  { name: "foundation", modules: ["env", "db", "generated", "cli", "text", "http"] },
  // Fetch: the one way to reach the outside world (SSRF guard, robots.txt, charset), plus URL/domain helpers.
  { name: "fetch", modules: ["net"] },
  // The reviewed outlet catalogue: data that extraction (credit lines) and storage (source domains) both read.
  { name: "reference", modules: ["outlets"] },
  // Input formats: feeds polled and parsed into items, OPML outlines. The scheduler hands each new item to a
  // callback (scripts/start.ts passes lib/pipeline's ingestFeedItem), so feeds know nothing of later stages.
  { name: "input", modules: ["feeds", "opml"] },
  // Extract: bytes → ExtractedArticle. Pure: no database, no network.
  { name: "extract", modules: ["extract"] },
  // Store: articles and the sources (outlets, feeds) they come from.
  { name: "store", modules: ["articles", "sources"] },
  // Cluster: stored articles → events.
  { name: "cluster", modules: ["cluster"] },
  // Compare: the side-by-side comparison of one event's articles.
  { name: "compare", modules: ["compare"] },
  // Orchestration: runs one input (a file, a URL, a feed item) through the stages above.
  { name: "pipeline", modules: ["pipeline"] },
  // The durable job queue on PostgreSQL: the pipeline's stages as retried jobs, and the workers that run them.
  { name: "jobs", modules: ["jobs"] },
  // Accounts and the editors' audit log.
  { name: "accounts", modules: ["auth", "editor"] },
  // What readers and editors see: event pages, search, feeds out, page cache, and the editorial tools on them.
  { name: "render", modules: ["events", "search", "syndication", "site", "curation", "tags", "source-admin"] },
];

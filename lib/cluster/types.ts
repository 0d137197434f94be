// The contract between the incremental clusterer and its callers (ingest, `npm run cluster`, recluster).

export interface ClusterArticle {
  id: string;
  title: string;
  text: string;
  publishedAt?: Date | null;
  /** Outlet domain or name; used so that one outlet's articles do not dominate an event's profile. */
  source?: string | null;
  url?: string | null;
}

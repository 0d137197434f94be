/** How pages name the outlet behind an article: the Source row's public fields. */
export interface SourceRef {
  name: string;
  domain: string;
  country: string | null;
}

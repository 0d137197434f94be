// Article.features as read back from the database: validated, since a bad row must not corrupt the clusterer.
import { z } from "zod";
import type { ArticleFeatures } from "./types";

export const articleFeaturesSchema = z.object({
  v: z.number().int(),
  terms: z.record(z.string(), z.number().finite()),
  source: z.string().nullish(),
});

/** The stored features when they parse and are of the expected version, else null (recompute them). */
export function parseStoredFeatures(json: string | null, version: number): ArticleFeatures | null {
  if (!json) return null;
  try {
    const parsed = articleFeaturesSchema.safeParse(JSON.parse(json));
    return parsed.success && parsed.data.v === version ? parsed.data : null;
  } catch {
    return null;
  }
}

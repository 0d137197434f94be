// The reviewed default source list: every outlet in known-outlets.json that has a public feed. It is loaded once,
// on the first start; a Setting remembers that, so sources the user deletes do not come back on the next start.
import type { Db } from "@/lib/db";
import { knownOutlets } from "@/lib/outlets/known-outlets";
import { importSources, type ImportReport } from "./import";
import type { SourceEntry } from "./source-list";

export const DEFAULTS_LOADED_KEY = "sources.defaultsLoadedAt";

export function defaultSources(): SourceEntry[] {
  return knownOutlets()
    .filter((o) => o.feed)
    .map((o) => ({
      name: o.name,
      domain: o.domain,
      homepage: o.homepage,
      feeds: [o.feed!],
      country: o.country,
      language: o.language,
      kind: o.kind,
      lean: o.lean,
    }));
}

/** Loads the default sources unless they were loaded before. Returns the report, or null when already done. */
export async function seedDefaultSources(db: Db, log: (line: string) => void = () => {}): Promise<ImportReport | null> {
  if (await db.setting.findUnique({ where: { key: DEFAULTS_LOADED_KEY } })) return null;
  const report = await importSources(db, defaultSources());
  await db.setting.upsert({
    where: { key: DEFAULTS_LOADED_KEY },
    create: { key: DEFAULTS_LOADED_KEY, value: new Date().toISOString() },
    update: {},
  });
  log(
    `sources: loaded the ${report.sourcesCreated + report.sourcesUpdated} default outlets (${report.feedsAdded} feeds)`,
  );
  return report;
}

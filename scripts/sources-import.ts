// npm run sources:import -- FILE [--replace] [--enable-category NAME]...
// Loads a sources list (JSON, lib/sources/source-list.ts, or OPML) or a feed catalogue shaped like Kagi News'
// kite_feeds.json (lib/sources/kite-catalogue.ts): its feeds arrive disabled, filed under their categories, and
// --enable-category (repeatable) switches whole categories on.
import { z } from "zod";
import { formatImportReport, importSources } from "@/lib/sources/import";
import { formatCatalogueReport, importCatalogue, setCategoriesEnabled } from "@/lib/sources/import-catalogue";
import { readSourcesInput, type SourcesInput } from "@/lib/sources/read-file";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { exitWhenFlushed } from "@/lib/cli/exit";

const USAGE =
  "usage: npm run sources:import -- <file.json|file.opml> [--replace] [--enable-category NAME]... (categories: catalogue files only)";

const Args = z.object({
  positionals: z.array(z.string().min(1)).length(1, USAGE),
  values: z.object({
    replace: z.boolean().default(false),
    "enable-category": z.array(z.string().trim().min(1, "--enable-category needs a name")).default([]),
  }),
});

const args = await parseCliArgs(
  Args,
  { replace: { type: "boolean" }, "enable-category": { type: "string", multiple: true } },
  USAGE,
);
const file = args.positionals[0];
const enable = args.values["enable-category"];
let input: SourcesInput;
try {
  input = await readSourcesInput(file);
} catch (err) {
  console.error((err as Error).message);
  throw await exitWhenFlushed(1);
}
if (input.kind === "list" && input.entries.length === 0) {
  console.error(`${file}: no sources with feeds found`);
  throw await exitWhenFlushed(1);
}
if (input.kind === "list" && enable.length) {
  console.error(`${file} is a source list: --enable-category applies to feed catalogues (kite_feeds.json)`);
  throw await exitWhenFlushed(2);
}
if (input.kind === "catalogue" && args.values.replace) {
  console.error(`${file} is a feed catalogue: --replace applies to source lists only`);
  throw await exitWhenFlushed(2);
}
if (input.kind === "catalogue" && input.catalogue.feeds.length === 0) {
  console.error(`${file}: no usable feed URLs in the catalogue`);
  throw await exitWhenFlushed(1);
}

const { env, db } = await openMigratedDb();
let code = 0;
try {
  if (input.kind === "list") {
    const report = await importSources(db, input.entries, { replace: args.values.replace });
    console.log(formatImportReport(report));
  } else {
    const report = await importCatalogue(db, input.catalogue);
    console.log(formatCatalogueReport(report));
    if (enable.length) {
      const { changed } = await setCategoriesEnabled(db, enable, true, {
        intervalMinutes: env.INGEST_INTERVAL_MINUTES,
      });
      console.log(
        `enabled ${changed} feed${changed === 1 ? "" : "s"} in ${enable.map((n) => JSON.stringify(n)).join(", ")}`,
      );
    }
  }
} catch (err) {
  console.error((err as Error).message);
  code = 1;
} finally {
  await db.$disconnect();
}
if (code) throw await exitWhenFlushed(code);

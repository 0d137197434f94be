// npm run sources:import -- FILE [--replace]   Loads a sources list: JSON (lib/sources/source-list.ts) or OPML.
import { z } from "zod";
import { formatImportReport, importSources } from "@/lib/sources/import";
import { readSourcesFile } from "@/lib/sources/read-file";
import type { SourceEntry } from "@/lib/sources/source-list";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { exitWhenFlushed } from "@/lib/cli/exit";

const USAGE = "usage: npm run sources:import -- <file.json|file.opml> [--replace]";

const Args = z.object({
  positionals: z.array(z.string().min(1)).length(1, USAGE),
  values: z.object({ replace: z.boolean().default(false) }),
});

const args = await parseCliArgs(Args, { replace: { type: "boolean" } }, USAGE);
let entries: SourceEntry[];
try {
  entries = await readSourcesFile(args.positionals[0]);
} catch (err) {
  console.error((err as Error).message);
  throw await exitWhenFlushed(1);
}
if (entries.length === 0) {
  console.error(`${args.positionals[0]}: no sources with feeds found`);
  throw await exitWhenFlushed(1);
}

const { db } = await openMigratedDb();
try {
  const report = await importSources(db, entries, { replace: args.values.replace });
  console.log(formatImportReport(report));
} finally {
  await db.$disconnect();
}

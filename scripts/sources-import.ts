// npm run sources:import -- FILE [--replace]   Loads a sources list: JSON (lib/sources/source-list.ts) or OPML.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { parseEnv } from "@/lib/env-schema";
import { formatImportReport, importSources } from "@/lib/sources/import";
import { readSourcesFile } from "@/lib/sources/read-file";

const USAGE = "usage: npm run sources:import -- <file.json|file.opml> [--replace]";

const Args = z.object({
  positionals: z.array(z.string().min(1)).length(1, USAGE),
  values: z.object({ replace: z.boolean().default(false) }),
});

function parse() {
  try {
    return Args.parse(parseArgs({ args: process.argv.slice(2), options: { replace: { type: "boolean" } }, allowPositionals: true, strict: true }));
  } catch (err) {
    const msg = err instanceof z.ZodError ? err.issues[0]?.message : (err as Error).message;
    console.error(msg === USAGE ? USAGE : `${msg}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parse();
let entries;
try {
  entries = await readSourcesFile(args.positionals[0]);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (entries.length === 0) {
  console.error(`${args.positionals[0]}: no sources with feeds found`);
  process.exit(1);
}

const env = parseEnv(process.env);
await applyMigrations(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
try {
  const report = await importSources(db, entries, { replace: args.values.replace });
  console.log(formatImportReport(report));
} finally {
  await db.$disconnect();
}

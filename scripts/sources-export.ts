// npm run --silent sources:export -- [--format json|opml]   Prints all sources and their feeds to stdout.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { parseEnv } from "@/lib/env-schema";
import { exportSourcesAs } from "@/lib/sources/export";

const USAGE = "usage: npm run --silent sources:export -- [--format json|opml] > sources.json";

const Args = z.object({
  positionals: z.array(z.string()).max(0, `unexpected argument\n${USAGE}`),
  values: z.object({ format: z.enum(["json", "opml"], { error: `--format must be json or opml\n${USAGE}` }).default("json") }),
});

let args: z.infer<typeof Args>;
try {
  args = Args.parse(parseArgs({ args: process.argv.slice(2), options: { format: { type: "string" } }, allowPositionals: true, strict: true }));
} catch (err) {
  console.error(err instanceof z.ZodError ? err.issues[0]?.message : `${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

const env = parseEnv(process.env);
await applyMigrations(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
try {
  process.stdout.write(await exportSourcesAs(db, args.values.format));
} finally {
  await db.$disconnect();
}

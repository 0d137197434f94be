// npm run --silent sources:export -- [--format json|opml]   Prints all sources and their feeds to stdout.
import { z } from "zod";
import { exportSourcesAs } from "@/lib/sources/export";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";

const USAGE = "usage: npm run --silent sources:export -- [--format json|opml] > sources.json";

const Args = z.object({
  positionals: z.array(z.string()).max(0, `unexpected argument\n${USAGE}`),
  values: z.object({
    format: z.enum(["json", "opml"], { error: `--format must be json or opml\n${USAGE}` }).default("json"),
  }),
});

const args = await parseCliArgs(Args, { format: { type: "string" } }, USAGE);
const { db } = await openMigratedDb();
try {
  process.stdout.write(await exportSourcesAs(db, args.values.format));
} finally {
  await db.$disconnect();
}

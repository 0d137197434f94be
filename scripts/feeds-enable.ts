// npm run feeds:enable -- --category NAME [--category NAME]... [--disable]   switches every feed of the named
// categories on (or off); npm run feeds:enable -- --list shows the categories with their feeds and how many are on.
// Newly enabled feeds have their first polls spread over INGEST_INTERVAL_MINUTES (lib/feeds/schedule.ts).
import { z } from "zod";
import { listCategories, setCategoriesEnabled } from "@/lib/sources/import-catalogue";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { exitWhenFlushed } from "@/lib/cli/exit";

const USAGE = "usage: npm run feeds:enable -- (--category NAME [--category NAME]... [--disable] | --list)";

const Args = z
  .object({
    positionals: z.array(z.string()).length(0, USAGE),
    values: z.object({
      category: z.array(z.string().trim().min(1, "--category needs a name")).default([]),
      disable: z.boolean().default(false),
      list: z.boolean().default(false),
    }),
  })
  .refine((a) => a.values.list !== a.values.category.length > 0, USAGE);

const args = await parseCliArgs(
  Args,
  { category: { type: "string", multiple: true }, disable: { type: "boolean" }, list: { type: "boolean" } },
  USAGE,
);

const { env, db } = await openMigratedDb();
let code = 0;
try {
  if (args.values.list) {
    const categories = await listCategories(db);
    if (categories.length === 0) console.log("no categories (import a feed catalogue with npm run sources:import)");
    for (const c of categories) console.log(`${String(c.enabled).padStart(5)}/${String(c.feeds).padEnd(5)} ${c.name}`);
  } else {
    const enabled = !args.values.disable;
    const { changed } = await setCategoriesEnabled(db, args.values.category, enabled, {
      intervalMinutes: env.INGEST_INTERVAL_MINUTES,
    });
    console.log(`${enabled ? "enabled" : "disabled"} ${changed} feed${changed === 1 ? "" : "s"}`);
  }
} catch (err) {
  console.error((err as Error).message);
  code = 1;
} finally {
  await db.$disconnect();
}
if (code) throw await exitWhenFlushed(code);

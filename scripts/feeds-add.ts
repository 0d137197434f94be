// npm run feeds:add -- URL [--source DOMAIN]   Adds a feed; a site's URL is autodiscovered.
import { z } from "zod";
import { addFeed } from "@/lib/sources/add-feed";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";

const USAGE = "usage: npm run feeds:add -- <feed or site URL> [--source example.com]";

const Args = z.object({
  positionals: z
    .array(z.string())
    .length(1, USAGE)
    .pipe(z.tuple([z.url({ protocol: /^https?$/, error: `the URL must be an absolute http(s) URL\n${USAGE}` })])),
  values: z.object({
    source: z
      .string()
      .trim()
      .toLowerCase()
      .transform((d) => d.replace(/^www\./, ""))
      .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, `--source must be a domain such as example.com\n${USAGE}`))
      .optional(),
  }),
});

const args = await parseCliArgs(Args, { source: { type: "string" } }, USAGE);
const { env, db } = await openMigratedDb();
try {
  const result = await addFeed(db, args.positionals[0], {
    source: args.values.source,
    allowHosts: env.FETCH_ALLOW_HOSTS,
  });
  const source = result.feed.sourceId ? await db.source.findUnique({ where: { id: result.feed.sourceId } }) : null;
  console.log(
    `${result.created ? "added" : "already present"}: #${result.feed.id} ${result.feed.url}${source ? ` (${source.name}, ${source.domain})` : ""}`,
  );
  for (const other of result.others)
    console.log(`  also announced: ${other}   (add with: npm run feeds:add -- ${other})`);
} catch (err) {
  console.error(`feeds:add failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

// npm run --silent feeds:check -- FILE|URL...   Tries feeds before they are added: one JSON line per input.
import { z } from "zod";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { envSchema } from "@/lib/env";
import { checkFeed } from "@/lib/pipeline/feed-check";

const USAGE = `usage: npm run --silent feeds:check -- <feed file or http(s) URL>...

Fetches (through the same SSRF guard and limits as the scheduler) or reads each input, parses it as the
scheduler does, and prints one JSON line per input:
  {"input", "format", "title", "link", "items": [{"guid", "url", "title", "author", "publishedAt", "html", "text"}],
   "skipped": [{"reason", "ref"}]}      html is the item's body after the sanitizer
  {"input", "error"}                    when the input cannot be fetched, read or parsed
Exit code: 0 when every input parsed, 1 when any failed, 2 on a usage error.`;

const Args = z.object({
  positionals: z.array(z.string().min(1)),
  values: z.object({ help: z.boolean().optional() }),
});

const args = await parseCliArgs(Args, { help: { type: "boolean", short: "h" } }, USAGE);
if (args.values.help || args.positionals.length === 0) {
  // Asked for, it is the answer; missing inputs are a usage error.
  (args.values.help ? console.log : console.error)(USAGE);
  process.exitCode = args.values.help ? 0 : 2;
} else {
  // Only the variable it uses: a check needs no database, so DATABASE_URL must not be able to fail it.
  const { FETCH_ALLOW_HOSTS } = envSchema.pick({ FETCH_ALLOW_HOSTS: true }).parse(process.env);
  for (const input of args.positionals) {
    const result = await checkFeed(input, { allowHosts: FETCH_ALLOW_HOSTS });
    console.log(JSON.stringify(result));
    // exitCode, not exit(): a piped stdout must drain before the process ends.
    if ("error" in result) process.exitCode = 1;
  }
}

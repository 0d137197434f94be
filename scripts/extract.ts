// npm run --silent extract -- [--url URL] FILE...   One JSON object per line per input, with the same code as ingest.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { toExtractJson } from "@/lib/extract/extract-json";
import { defaultExtractor } from "@/lib/pipeline/extractor";
import { readInputFile } from "@/lib/pipeline/read-input-file";
import { exitWhenFlushed } from "@/lib/cli/exit";

const usage = "usage: npm run --silent extract -- [--url URL] FILE...";
const cli = z.object({
  url: z.url({ protocol: /^https?$/, message: "--url must be an http(s) URL" }).optional(),
  files: z.array(z.string().min(1)).min(1, usage),
});

let parsed: ReturnType<typeof cli.safeParse>;
try {
  const { values, positionals } = parseArgs({ options: { url: { type: "string" } }, allowPositionals: true });
  parsed = cli.safeParse({ url: values.url, files: positionals });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  throw await exitWhenFlushed(2);
}
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  throw await exitWhenFlushed(2);
}

// The same worker, time budget and memory limit as ingestion: a file that would hang or exhaust the process
// fails alone, with its reason, and the next file is extracted.
const extractor = defaultExtractor();
let failed = 0;
for (const file of parsed.data.files) {
  try {
    const { article } = await extractor.extract({
      bytes: await readInputFile(file),
      name: path.basename(file),
      url: parsed.data.url,
    });
    console.log(JSON.stringify(toExtractJson(file, article)));
  } catch (error) {
    failed++;
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? `no such file: ${file}` : (error as Error).message;
    console.log(JSON.stringify({ file, error: reason }));
  }
}
await exitWhenFlushed(failed ? 1 : 0);

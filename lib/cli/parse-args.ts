// Command-line arguments through node:util parseArgs, then zod: a bad call prints one clear line and the usage,
// and exits with 2 (the conventional "usage error" code), before anything is read or written.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { exitWhenFlushed } from "./exit";

export interface ParsedArgs {
  values: Record<string, unknown>;
  positionals: string[];
}

export async function parseCliArgs<T>(
  schema: z.ZodType<T>,
  options: ParseArgsConfig["options"],
  usage: string,
): Promise<T> {
  try {
    return schema.parse(parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true }));
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues[0]?.message : (err as Error).message;
    console.error(!message ? usage : message.includes(usage) ? message : `${message}\n${usage}`);
    return exitWhenFlushed(2);
  }
}

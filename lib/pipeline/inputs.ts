// Turns ingest's command-line arguments into a flat, ordered list of things to import.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type IngestInput =
  | { kind: "file"; path: string }
  | { kind: "url"; url: string }
  | { kind: "missing"; path: string };

/** Files a folder import picks up; a file named explicitly is tried whatever its extension. */
const IMPORTABLE = /\.(html?|xhtml|txt)(\.gz)?$/i;

export async function expandInputs(args: string[]): Promise<IngestInput[]> {
  const inputs: IngestInput[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      inputs.push({ kind: "url", url: arg });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (!info) inputs.push({ kind: "missing", path: arg });
    else if (info.isDirectory()) inputs.push(...(await walk(arg)));
    else inputs.push({ kind: "file", path: arg });
  }
  return inputs;
}

async function walk(dir: string): Promise<IngestInput[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: IngestInput[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    else if (entry.isFile() && IMPORTABLE.test(entry.name)) found.push({ kind: "file", path: full });
  }
  return found;
}

export function describeInput(input: IngestInput): string {
  return input.kind === "url" ? input.url : input.path;
}

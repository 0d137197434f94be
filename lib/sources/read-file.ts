// Reads a user's sources file: OPML (anything that starts with "<") or a JSON source list.
import { readFile, stat } from "node:fs/promises";
import { MAX_OPML_CHARS, parseOpml } from "@/lib/opml";
import { opmlFeedsToSources } from "./opml-sources";
import { parseSourceList, type SourceEntry } from "./source-list";

export async function readSourcesFile(file: string): Promise<SourceEntry[]> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`no such file: ${file}`);
  if (info.size > MAX_OPML_CHARS) throw new Error(`${file} is larger than ${MAX_OPML_CHARS / 1024 / 1024} MiB`);
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").trim();
  if (text.startsWith("<")) return opmlFeedsToSources(parseOpml(text).feeds);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is neither OPML nor valid JSON: ${(err as Error).message}`);
  }
  return parseSourceList(json);
}

// Reads a user's sources file: OPML (anything that starts with "<"), a JSON source list (an array), or a feed
// catalogue shaped like Kagi News' kite_feeds.json (an object of categories; lib/sources/kite-catalogue.ts).
import { readFile, stat } from "node:fs/promises";
import { MAX_OPML_CHARS, parseOpml } from "@/lib/opml";
import { isKiteCatalogue, parseKiteCatalogue, readSiblingOutletNames, type Catalogue } from "./kite-catalogue";
import { opmlFeedsToSources } from "./opml-sources";
import { parseSourceList, type SourceEntry } from "./source-list";

export type SourcesInput = { kind: "list"; entries: SourceEntry[] } | { kind: "catalogue"; catalogue: Catalogue };

export async function readSourcesInput(file: string): Promise<SourcesInput> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`no such file: ${file}`);
  if (info.size > MAX_OPML_CHARS) throw new Error(`${file} is larger than ${MAX_OPML_CHARS / 1024 / 1024} MiB`);
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").trim();
  if (text.startsWith("<")) return { kind: "list", entries: opmlFeedsToSources(parseOpml(text).feeds) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is neither OPML nor valid JSON: ${(err as Error).message}`);
  }
  if (isKiteCatalogue(json)) {
    return { kind: "catalogue", catalogue: parseKiteCatalogue(json, await readSiblingOutletNames(file)) };
  }
  return { kind: "list", entries: parseSourceList(json) };
}

/** A source list (OPML or JSON array); a feed catalogue is refused, since it has no outlets to list. */
export async function readSourcesFile(file: string): Promise<SourceEntry[]> {
  const input = await readSourcesInput(file);
  if (input.kind === "catalogue") throw new Error(`${file} is a feed catalogue, not a source list`);
  return input.entries;
}

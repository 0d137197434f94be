// Kagi News' public feed catalogue (kite_feeds.json, MIT): an object of categories, each
// `{category_type, source_language, display_names, feeds: [url, ...]}`. Recognised by that shape, so
// `sources:import` tells it from a Parallax source list (an array) without a flag. A feed URL may sit in several
// categories ("USA | Texas" and "USA | Houston"); each becomes a category of the one feed.
//
// The catalogue names no outlets; its sibling media_data.json (`[{organization, domains}]`) names some, and is read
// when it lies beside the file. Otherwise an outlet is named from Parallax's reviewed catalogue, else its domain.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";
import { plainText, urlText } from "@/lib/text/safe-text";
import { sourceDomainFor } from "./domain";

const httpUrl = urlText("").pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));
const hostName = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const CategorySchema = z.object({
  category_type: z.string().optional(),
  source_language: z.string().optional(),
  display_names: z.record(z.string(), z.string()).optional(),
  // Entries are checked one by one below: one bad URL costs that URL, not the category.
  feeds: z.array(z.unknown()),
});
const KiteSchema = z.record(z.string(), CategorySchema);

const CategoryName = plainText("").min(1).max(200, "must be at most 200 characters");

/** A JSON value shaped like kite_feeds.json: a non-empty object whose values all carry a `feeds` array. */
export function isKiteCatalogue(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const values = Object.values(value);
  return (
    values.length > 0 &&
    values.every((v) => v && typeof v === "object" && Array.isArray((v as { feeds?: unknown }).feeds))
  );
}

export interface CatalogueFeed {
  url: string;
  /** Source.domain: the reviewed catalogue's outlet, else the registrable domain (lib/sources/domain.ts). */
  domain: string;
  categories: string[];
}

export interface CatalogueOutlet {
  domain: string;
  name: string;
}

export interface Catalogue {
  categories: string[];
  feeds: CatalogueFeed[];
  outlets: CatalogueOutlet[];
  /** Entries left out, each with its category and why. */
  skipped: { category: string; entry: string; reason: string }[];
}

const MediaSchema = z.array(z.object({ organization: z.string(), domains: z.array(z.string()) }).loose());

/** Outlet names by registrable domain from a media_data.json value; an unreadable file names nothing. */
export function outletNamesFromMedia(value: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const parsed = MediaSchema.safeParse(value);
  if (!parsed.success) return names;
  for (const org of parsed.data) {
    const name = CategoryName.safeParse(org.organization);
    if (!name.success) continue;
    for (const d of org.domains) {
      const domain = sourceDomainFor(`https://${d.trim()}/`);
      if (domain && !names.has(domain)) names.set(domain, name.data);
    }
  }
  return names;
}

/** Reads media_data.json beside a catalogue file, if there is one. */
export async function readSiblingOutletNames(catalogueFile: string): Promise<Map<string, string>> {
  const file = path.join(path.dirname(catalogueFile), "media_data.json");
  if (!existsSync(file)) return new Map();
  try {
    return outletNamesFromMedia(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return new Map();
  }
}

/** Validates a kite_feeds.json value. Throws only when the whole file is unusable; bad entries are `skipped`. */
export function parseKiteCatalogue(value: unknown, outletNames: Map<string, string> = new Map()): Catalogue {
  const parsed = KiteSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid feed catalogue: ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const byUrl = new Map<string, CatalogueFeed>();
  const outlets = new Map<string, CatalogueOutlet>();
  const categories: string[] = [];
  const skipped: Catalogue["skipped"] = [];
  for (const [rawName, category] of Object.entries(parsed.data)) {
    const name = CategoryName.safeParse(rawName);
    if (!name.success) {
      skipped.push({ category: rawName, entry: "(category)", reason: name.error.issues[0].message });
      continue;
    }
    categories.push(name.data);
    for (const entry of category.feeds) {
      // A few catalogue URLs carry a literal space in the query ("portal_type=News Item"): a browser sends it as
      // %20, and so do we. Anything else odd is refused by the same URL rule as every other way in.
      const url = httpUrl.safeParse(typeof entry === "string" ? entry.trim().replaceAll(" ", "%20") : entry);
      if (!url.success) {
        skipped.push({ category: name.data, entry: String(entry), reason: url.error.issues[0].message });
        continue;
      }
      const known = byUrl.get(url.data);
      if (known) {
        if (!known.categories.includes(name.data)) known.categories.push(name.data);
        continue;
      }
      const domain = sourceDomainFor(url.data);
      if (!domain || !hostName.test(domain)) {
        skipped.push({ category: name.data, entry: url.data, reason: "has no registrable domain" });
        continue;
      }
      byUrl.set(url.data, { url: url.data, domain, categories: [name.data] });
      if (!outlets.has(domain)) {
        outlets.set(domain, { domain, name: findOutletByDomain(domain)?.name ?? outletNames.get(domain) ?? domain });
      }
    }
  }
  return { categories, feeds: [...byUrl.values()], outlets: [...outlets.values()], skipped };
}

import { z } from "zod";
import { normaliseHost } from "@/lib/net/domain";
import catalogue from "./known-outlets.json";

const KnownOutletSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Registrable host, or a more specific host when the parent domain hosts other outlets too. */
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
  /** Further hosts the same newsroom publishes under (bbc.com beside bbc.co.uk). */
  altDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]),
  homepage: z.url(),
  feed: z.url().nullable(),
  /**
   * false for a feed URL written without network access and not found in a catalogue of feeds known to be polled
   * (Kagi News' kite_feeds.json; tests/sources/default-feeds-catalogue.test.ts holds every verified URL to it).
   * Editors see such a feed marked "unverified" until it has been fetched successfully.
   */
  verified: z.boolean().default(true),
  country: z.string().regex(/^[A-Z]{2}$/),
  language: z.string().regex(/^[a-z]{2}$/),
  kind: z.enum(["wire", "public-broadcaster", "state", "national", "regional", "independent", "aggregator", "tabloid"]),
  // Only where AllSides or Ad Fontes publishes a rating; null means "not rated", not "neutral".
  lean: z.enum(["left", "lean-left", "center", "lean-right", "right"]).nullable(),
});

export type KnownOutlet = z.infer<typeof KnownOutletSchema>;

const outlets: readonly KnownOutlet[] = z.array(KnownOutletSchema).parse(catalogue);

/** Every outlet in the reviewed catalogue. */
export function knownOutlets(): readonly KnownOutlet[] {
  return outlets;
}

/** The outlet that owns a host or URL; subdomains belong to their parent (news.cgtn.com → CGTN). */
export function findOutletByDomain(hostOrUrl: string): KnownOutlet | null {
  const host = normaliseHost(hostOrUrl);
  if (!host) return null;
  let best: { outlet: KnownOutlet; length: number } | null = null;
  for (const outlet of outlets) {
    for (const domain of [outlet.domain, ...outlet.altDomains]) {
      const matches = host === domain || host.endsWith(`.${domain}`);
      // The most specific catalogue host wins (folha.uol.com.br over a hypothetical uol.com.br).
      if (matches && (!best || domain.length > best.length)) best = { outlet, length: domain.length };
    }
  }
  return best?.outlet ?? null;
}

const unverifiedFeeds = new Set(outlets.flatMap((o) => (o.feed && !o.verified ? [o.feed] : [])));

/** True for a shipped default feed URL that nobody has seen answer (see `verified` above). */
export function isUnverifiedDefaultFeed(url: string): boolean {
  return unverifiedFeeds.has(url);
}

interface NamePattern {
  outlet: KnownOutlet;
  name: string;
  regex: RegExp;
}

const namePatterns: NamePattern[] = outlets.flatMap((outlet) =>
  [outlet.name, ...outlet.aliases].map((name) => ({
    outlet,
    name,
    // Whole-word in any script: \p{L}\p{N} lookarounds instead of \b, which only knows ASCII.
    regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu"),
  })),
);

/**
 * The outlet named in a piece of text (a credit line, "Support X on Patreon!"), case-insensitive and
 * alias-aware. The earliest mention wins, the longest name at the same spot. An all-lowercase mention of
 * a capitalised name is an ordinary word ("at dawn", "the hill", "rt"), not the outlet.
 */
export function findOutletByName(text: string): KnownOutlet | null {
  let best: { outlet: KnownOutlet; index: number; length: number } | null = null;
  for (const { outlet, name, regex } of namePatterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const found = match[0];
      if (found === found.toLowerCase() && name !== name.toLowerCase()) continue;
      const index = match.index ?? 0;
      if (!best || index < best.index || (index === best.index && found.length > best.length)) {
        best = { outlet, index, length: found.length };
      }
      break;
    }
  }
  return best?.outlet ?? null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// Per-site extraction rules (like Miniflux's scraper rules): for the few outlets whose markup defeats the
// heuristics, a CSS selector for the article body ("keep") and selectors of blocks to remove first ("drop").
// The heuristics carry the general case; a rule only helps, since a keep that matches nothing falls back to them.
import { load } from "cheerio";
import { z } from "zod";
import rawRules from "./site-rules.json";

export interface SiteRule {
  keep?: string;
  drop?: string[];
}

/** Host (registrable domain, or a more specific subdomain) → rule. */
export type SiteRules = ReadonlyMap<string, SiteRule>;

const probe = load("").root();

const Selector = z
  .string()
  .trim()
  .min(1, "empty selector")
  .superRefine((selector, ctx) => {
    try {
      probe.find(selector);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `invalid CSS selector "${selector}": ${(error as Error).message}` });
    }
  });

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

const Rule = z
  .strictObject({ keep: Selector.optional(), drop: z.array(Selector).min(1).optional() })
  .refine((rule) => rule.keep || rule.drop, "a rule needs keep or drop");

// Hosts are checked here rather than as the record's key schema, whose error would not say what is wrong.
const RulesFile = z.record(z.string(), Rule).superRefine((rules, ctx) => {
  for (const host of Object.keys(rules)) {
    if (!HOST.test(host))
      ctx.addIssue({ code: "custom", path: [host], message: "expected a lower-case host name such as example.com" });
  }
});

/** Validates a rules file's parsed JSON; throws an Error naming the host and field at fault. */
export function parseSiteRules(json: unknown, origin = "site rules"): SiteRules {
  const result = RulesFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new Error(`invalid ${origin}: ${where}: ${issue.message}`);
  }
  return new Map(Object.entries(result.data));
}

let shipped: SiteRules | null = null;

/** The rules shipped in lib/extract/site-rules.json, validated on first use. */
export function defaultSiteRules(): SiteRules {
  shipped ??= parseSiteRules(rawRules, "lib/extract/site-rules.json");
  return shipped;
}

/** The rule for the first of `urls` whose host or a parent domain has one (the most specific host wins). */
export function siteRuleFor(urls: (string | null | undefined)[], rules: SiteRules): SiteRule | null {
  if (rules.size === 0) return null;
  for (const url of urls) {
    const host = hostOf(url);
    if (!host) continue;
    // "www.news.example.com" → "news.example.com" → "example.com" → "com"
    for (let name: string | null = host; name; name = parentDomain(name)) {
      const rule = rules.get(name);
      if (rule) return rule;
    }
  }
  return null;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

function parentDomain(host: string): string | null {
  const dot = host.indexOf(".");
  return dot < 0 ? null : host.slice(dot + 1);
}

// Applies a per-site rule (lib/extract/site-rules.ts) to a parsed page: "drop" removes blocks before anything is
// measured, "keep" names the article container instead of the heuristics choosing one.
import type { CheerioAPI } from "cheerio";
import type { SiteRule } from "../site-rules";
import { type Element, contains, detach } from "./dom";
import type { ContentChoice } from "./main-content";
import type { Measures } from "./measure";
import { dropBoilerplate } from "./prune";

export function dropByRule($: CheerioAPI, root: Element, rule: SiteRule): void {
  for (const selector of rule.drop ?? []) for (const el of $(root).find(selector).toArray()) detach(el);
}

/**
 * The rule's containers, pruned and measured, or null when the selector matches nothing with text (a redesign
 * the rule has not caught up with): the caller then lets the heuristics choose.
 */
export function keepByRule(
  $: CheerioAPI,
  root: Element,
  rule: SiteRule,
): { choice: ContentChoice; measures: Measures } | null {
  if (!rule.keep) return null;
  const matched = $(root)
    .find(rule.keep)
    .toArray()
    .filter((node): node is Element => node.type === "tag");
  // A selector can match a container and blocks inside it; the outermost ones hold the article.
  const parts = matched.filter((el) => !matched.some((other) => other !== el && contains(other, el)));
  if (!parts.length) return null;
  const measures: Measures = new Map();
  for (const part of parts) for (const [el, m] of dropBoilerplate(part)) measures.set(el, m);
  const withText = parts.filter((part) => (measures.get(part)?.text ?? 0) > 0);
  if (!withText.length) return null;
  return { choice: { container: withText[0], parts: withText }, measures };
}

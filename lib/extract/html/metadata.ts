// Article metadata from the page head and markup: JSON-LD first (the most deliberate), then OpenGraph and
// Twitter cards, then generic meta tags and visible markup.
import type { Document } from "domhandler";
import { registrableDomain } from "@/lib/net/domain";
import type { Outlet } from "../types";
import { type JsonLdArticle, readJsonLdArticle } from "./json-ld";
import { absoluteUrl, sameSite } from "./outlet";
import { type PageSignals, readPageSignals } from "./page-signals";
import { stripSiteName } from "./title";

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: Date | null;
  language: string | null;
  url: string | null;
  source: Outlet | null;
  /** JSON-LD articleBody, when the page ships one: strong evidence of where the body is. */
  articleBody: string | null;
}

const DATE_META = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "dcterms.date",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
  "published_time",
  "og:published_time",
  "citation_date",
];
const AUTHOR_META = [
  "author",
  "article:author",
  "parsely-author",
  "sailthru.author",
  "dc.creator",
  "byl",
  "twitter:creator",
];

/** Reads the metadata of a parsed page; call before the body is pruned (the first <h1> is a title source). */
export function readMetadata(document: Document, pageUrl?: string): PageMetadata {
  const $ = readPageSignals(document);
  const meta = $.meta;
  const ld = readJsonLdArticle($.jsonLd);
  const url = pickUrl($, meta, ld, pageUrl);
  const domain = registrableDomain(url ?? pageUrl);
  const siteName = meta.get("og:site_name") ?? ld?.publisher ?? meta.get("application-name") ?? null;
  const source: Outlet | null = domain ? { name: siteName ?? domain, domain } : null;
  return {
    title: pickTitle(
      $,
      meta,
      ld,
      [siteName, domain, ld?.publisher].filter((s): s is string => !!s),
    ),
    byline: pickByline($, meta, ld),
    publishedAt: pickDate($, meta, ld),
    language: pickLanguage($, meta, ld),
    url,
    source,
    articleBody: ld?.articleBody ?? null,
  };
}

function pickUrl($: PageSignals, meta: Map<string, string>, ld: JsonLdArticle | null, pageUrl?: string) {
  const base = pageUrl ?? meta.get("og:url") ?? undefined;
  const canonical = absoluteUrl($.canonical, base);
  // A canonical pointing at another site is syndication or a mistake; the page's own address is safer.
  if (canonical && (!pageUrl || sameSite(canonical, pageUrl))) return canonical;
  const og = absoluteUrl(meta.get("og:url"), base);
  if (og && (!pageUrl || sameSite(og, pageUrl))) return og;
  return absoluteUrl(pageUrl, undefined) ?? canonical ?? og ?? absoluteUrl(ld?.url, base);
}

function pickTitle($: PageSignals, meta: Map<string, string>, ld: JsonLdArticle | null, siteNames: string[]) {
  const candidates = [meta.get("og:title"), ld?.headline, meta.get("twitter:title"), $.firstH1, $.documentTitle]
    .map((t) => (t ? decodeLeftovers(t).replace(/\s+/g, " ").trim() : ""))
    .filter(Boolean);
  if (!candidates.length) return null;
  return stripSiteName(candidates[0], siteNames);
}

function pickByline($: PageSignals, meta: Map<string, string>, ld: JsonLdArticle | null): string | null {
  if (ld?.authors.length) return ld.authors.join(", ");
  for (const key of AUTHOR_META) {
    const value = meta.get(key);
    if (value && !/^https?:\/\//.test(value) && !value.startsWith("@")) return value;
  }
  const text = $.authorText();
  if (text) return text.replace(/^by\s+/i, "");
  return null;
}

function pickDate($: PageSignals, meta: Map<string, string>, ld: JsonLdArticle | null): Date | null {
  for (const value of [ld?.datePublished, ...DATE_META.map((k) => meta.get(k))]) {
    const date = parseDate(value);
    if (date) return date;
  }
  return parseDate($.itempropDate()) ?? parseDate($.firstTimeDatetime);
}

function parseDate(value: string | undefined | null): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  // Epoch seconds or milliseconds (some CMSs).
  if (/^\d{10}(\d{3})?$/.test(trimmed)) return new Date(Number(trimmed) * (trimmed.length === 10 ? 1000 : 1));
  if (!/\d{4}/.test(trimmed)) return null;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

function pickLanguage($: PageSignals, meta: Map<string, string>, ld: JsonLdArticle | null): string | null {
  const candidates = [
    $.htmlLang,
    meta.get("og:locale"),
    meta.get("content-language"),
    meta.get("language"),
    ld?.inLanguage,
  ];
  for (const value of candidates) {
    const code = value
      ?.trim()
      .toLowerCase()
      .match(/^([a-z]{2})(?:$|[-_])/)?.[1];
    if (code) return code;
  }
  return null;
}

// og:title values are sometimes double-encoded ("&amp;quot;").
function decodeLeftovers(s: string): string {
  return s.replace(
    /&(amp|quot|apos|#39|lt|gt);/g,
    (_, e: string) => ({ amp: "&", quot: '"', apos: "'", "#39": "'", lt: "<", gt: ">" })[e] ?? _,
  );
}

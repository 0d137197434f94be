// Class/id words that say what a block is. Matched on word boundaries of class and id values ("ad" must not
// hit "header" or "read"), in several languages since outlets name their markup in their own language.

// Each pattern is sticky and tried only where a word starts, which is far cheaper than letting the regex engine
// try every alternative at every character of long class lists.
const word = (words: string[]) => new RegExp(`(?:${words.join("|")})(?=$|[^a-z0-9])`, "iy");
const stem = (stems: string[]) => new RegExp(`(?:${stems.join("|")})`, "iy");

/** Whether `pattern` (sticky) matches at the start of any word of `s` (words split on non-alphanumerics). */
export function matchesAtWordStart(pattern: RegExp, s: string): boolean {
  let previousIsWordChar = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (isWordChar && !previousIsWordChar) {
      pattern.lastIndex = i;
      if (pattern.test(s)) return true;
    }
    previousIsWordChar = isWordChar;
  }
  return false;
}

/** Words of article-body containers. */
export const CONTENT_HINT = stem([
  "article",
  "content",
  "story",
  "entry",
  "post",
  "body",
  "text",
  "main",
  "blog",
  "news",
  "prose",
  "rich-?text",
  "artikel",
  "inhalt",
  "beitrag",
  "articulo",
  "contenido",
  "noticia",
  "materia",
  "conteudo",
  "corpo",
  "testo",
  "contenu",
  "texte",
  "tresc",
  "novost",
]);

/** Class names that strongly mark the body itself, not just something near it. */
export const BODY_MARKER =
  /(?:article|story|entry|post|news|blog|main|rich|single|td-post|c-entry)[-_]?(?:body|content|text|copy|inner|main|entry|article)(?:[-_]?(?:text|body|content|inner|wrapper|wrap|container|main|__?\w+))?(?=$|[^a-z0-9])|(?:articlebody|storybody|entrycontent|postcontent|articletext|article_body|body-?text|post-?entry|field-?body|content-?body|text-?body|content__article-body|paywall)(?=$|\s)/iy;

/** Words of blocks around the article: navigation, sharing, promotion, comments, ads. */
export const BOILERPLATE_HINT = stem([
  "nav",
  "menu",
  "footer",
  "masthead",
  "breadcrumb",
  "comment",
  "disqus",
  "related",
  "recommend",
  "share",
  "sharing",
  "social",
  "promo",
  "newsletter",
  "subscribe",
  "subscription",
  "signup",
  "sign-up",
  "advert",
  "sponsor",
  "banner",
  "sidebar",
  "side-bar",
  "widget",
  "cookie",
  "consent",
  "gdpr",
  "popup",
  "modal",
  "overlay",
  "outbrain",
  "taboola",
  "trending",
  "popular",
  "most-read",
  "mostread",
  "more-stories",
  "read-more",
  "readmore",
  "also-read",
  "see-also",
  "tags",
  "tag-list",
  "taglist",
  "author-bio",
  "bio",
  "byline",
  "dateline",
  "timestamp",
  "caption",
  "credit",
  "toolbar",
  "pagination",
  "pager",
  "print",
  "rating",
  "related-",
  "skip",
  "jump",
  "hidden",
  "visually-hidden",
  "sr-only",
  "screen-reader",
  "login",
  "paywall-prompt",
  "teaser",
  "carousel",
  "slider",
  "gallery-nav",
  "toc",
  "meta",
  "footnote",
  "inline-ad",
  "ad-",
  "ads",
  "adv",
  "dfp",
  "gpt",
  "lazy-ad",
  "kommentar",
  "teilen",
  "werbung",
  "anzeige",
  "verwandt",
  "weitere",
  "compartir",
  "comentario",
  "publicidad",
  "relacionad",
  "partilhar",
  "publicidade",
  "condividi",
  "commenti",
  "pubblicit",
  "correlat",
  "partager",
  "commentaire",
  "publicite",
  "reklam",
  "reklama",
  "podobn",
  "polecan",
  "komentar",
]);

/** Words that look like boilerplate only when whole (short words that occur inside content class names). */
export const BOILERPLATE_WORD = word([
  "ad",
  "ads",
  "aside",
  "share",
  "social",
  "tools",
  "extra",
  "links",
  "more",
  "hide",
]);

// Pages repeat the same class strings hundreds of times (and sites share frameworks), and the hint regexes are
// the hottest code in extraction, so verdicts are memoised. Cleared when full to bound memory.
const weights = new Map<string, number>();
const bodyMarkers = new Map<string, boolean>();
const CACHE_LIMIT = 20_000;

/** The single positive/negative signal a class or id gives: -1, -0.5, 0, 0.5, 1 or 2 (a body marker). */
export function classWeight(classes: string): number {
  if (!classes) return 0;
  let weight = weights.get(classes);
  if (weight === undefined) {
    if (weights.size >= CACHE_LIMIT) weights.clear();
    weight = computeClassWeight(classes);
    weights.set(classes, weight);
  }
  return weight;
}

/** Whether the class/id names the article body itself ("article-body", "entry-content", "story__text"…). */
export function isBodyMarker(classes: string): boolean {
  let marker = bodyMarkers.get(classes);
  if (marker === undefined) {
    if (bodyMarkers.size >= CACHE_LIMIT) bodyMarkers.clear();
    marker = tokensOf(classes).some((token) => verdictOf(token) & BODY);
    bodyMarkers.set(classes, marker);
  }
  return marker;
}

// Verdict bits per class token; tokens ("menu-item", "article__body") recur across elements and sites far
// more than whole class lists do.
const NEGATIVE = 1;
const CONTENT = 2;
const BODY = 4;
const tokenVerdicts = new Map<string, number>();

function verdictOf(token: string): number {
  let verdict = tokenVerdicts.get(token);
  if (verdict === undefined) {
    if (tokenVerdicts.size >= CACHE_LIMIT) tokenVerdicts.clear();
    verdict =
      (matchesAtWordStart(BOILERPLATE_HINT, token) || matchesAtWordStart(BOILERPLATE_WORD, token) ? NEGATIVE : 0) |
      (matchesAtWordStart(CONTENT_HINT, token) ? CONTENT : 0) |
      (matchesAtWordStart(BODY_MARKER, token) ? BODY : 0);
    tokenVerdicts.set(token, verdict);
  }
  return verdict;
}

function tokensOf(classes: string): string[] {
  return classes.split(/\s+/).filter(Boolean);
}

/** Forgets memoised verdicts (benchmarks call it to measure a cold start honestly). */
export function clearClassHintCache(): void {
  weights.clear();
  bodyMarkers.clear();
  tokenVerdicts.clear();
}

function computeClassWeight(classes: string): number {
  let verdict = 0;
  for (const token of tokensOf(classes)) verdict |= verdictOf(token);
  const negative = (verdict & NEGATIVE) !== 0;
  const positive = verdict & BODY ? 2 : verdict & CONTENT ? 1 : 0;
  if (negative && positive) return positive === 2 ? 0.5 : -0.5;
  return negative ? -1 : positive;
}

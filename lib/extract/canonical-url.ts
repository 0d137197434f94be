// Two links to one article must become one key, or a re-import would store the article twice.

/** Query parameters that track the reader rather than identify the page. */
const TRACKING_PARAMS =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|ocid|cmpid|at_medium|at_campaign|ito|spm)$/i;

/** Canonical form of an article URL, or null when it is not an http(s) URL. */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  // All trailing dots, not one: otherwise "a.example.." canonicalises to "a.example." and that to "a.example".
  url.hostname = url.hostname.toLowerCase().replace(/\.+$/, "");
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  url.pathname = withoutIndexOrTrailingSlash(url.pathname);
  return url.toString();
}

/**
 * "/news/index.html", "/news/" and "/news" are one page. Repeated to a fixed point so that the result is stable:
 * one pass turned "/news/index.html/" into "/news/index.html", which the next pass turned into "/news".
 */
function withoutIndexOrTrailingSlash(pathname: string): string {
  let path = pathname;
  for (;;) {
    const next = path.replace(/\/index\.(html?|php|aspx?)$/i, "/").replace(/(.)\/+$/, "$1");
    if (next === path) return path;
    path = next;
  }
}

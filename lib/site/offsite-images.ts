// Article images are not loaded from the outlets: an <img> pointing at an outlet's host would tell that host (and
// any tracker it serves images from) the address of everyone who reads the article here. The stored HTML keeps
// its images (lib/extract's allowlist); the reader view shows each as a link the reader may follow, and the
// Content-Security-Policy (csp.ts) loads images from this origin only.
import { load } from "cheerio";
import { LINK_REL } from "@/lib/extract/sanitize-policy";

/** The article HTML with every <img> replaced by a link to the image ("Image from host: alt — open"). */
export function imagesAsLinks(html: string): string {
  if (!/<img\b/i.test(html)) return html;
  const $ = load(html, null, false);
  $("img").each((_, element) => {
    const img = $(element);
    const alt = (img.attr("alt") ?? "").replace(/\s+/g, " ").trim();
    const url = URL.parse(img.attr("src") ?? "");
    const web = url && (url.protocol === "https:" || url.protocol === "http:") ? url : null;
    const label = `Image${web ? ` from ${web.hostname}` : ""}${alt ? `: ${alt}` : ""}`;
    // Inside a link (a linked image) another link would be invalid markup: the label stays text there.
    const replacement =
      web && img.closest("a").length === 0
        ? $("<a>").attr({ href: web.href, rel: LINK_REL, class: "article-image" }).text(`${label} — open`)
        : $("<span>").attr("class", "article-image").text(`[${label}]`);
    img.replaceWith(replacement);
  });
  return $.html();
}

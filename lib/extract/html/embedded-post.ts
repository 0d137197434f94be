import { type Element, isTag } from "./dom";

// Embedded posts (Twitter, Instagram, TikTok, Facebook…) are quoted in the article, in the publishers' standard
// embed markup. Their wrappers are often named "social-embed" and they are link-heavy, which would otherwise
// make them look like share bars.
const EMBED = /twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed|mastodon-embed|reddit-embed/;

/** The element is, or wraps, an embedded social-media post. */
export function isEmbeddedPost(el: Element): boolean {
  const cls = el.attribs.class;
  if (!cls) return false;
  if (EMBED.test(cls)) return true;
  return cls.includes("embed") && wrapsEmbeddedPost(el, 0);
}

function wrapsEmbeddedPost(el: Element, depth: number): boolean {
  if (depth > 3) return false;
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (EMBED.test(child.attribs.class ?? "") || wrapsEmbeddedPost(child, depth + 1)) return true;
  }
  return false;
}

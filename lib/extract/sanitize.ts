// Arbitrary untrusted HTML → stored article HTML, by sanitize-html under the allowlist of sanitize-policy.ts.
import sanitize from "sanitize-html";
import { parseBase, safeUrl } from "./safe-url";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  IMAGE_SCHEMES,
  LINK_REL,
  LINK_SCHEMES,
  RENAMED_TAGS,
} from "./sanitize-policy";

export interface SanitizeOptions {
  /** Page URL that relative links and image sources are resolved against. */
  baseUrl?: string;
}

/** Reduces untrusted HTML to an allowlist of article markup, safe to store and render. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const base = parseBase(options.baseUrl);
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: IMAGE_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    transformTags: {
      ...RENAMED_TAGS,
      a: (tagName, attribs) => {
        const href = safeUrl(attribs.href, base, LINK_SCHEMES);
        const kept: Record<string, string> = href ? { href, rel: LINK_REL } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = safeUrl(attribs.src, base, IMAGE_SCHEMES);
        const kept: Record<string, string> = src ? { src } : {};
        if (src && attribs.alt) kept.alt = attribs.alt;
        return { tagName, attribs: kept };
      },
    },
    // An image without a usable source is an empty box; an anchor without href keeps its text only.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  });
}

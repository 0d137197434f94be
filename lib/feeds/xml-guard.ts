// Refuses XML that could make the parser do unbounded work. Feeds never need a DTD internal subset, and an
// entity declaration is how billion-laughs and external-entity (XXE) attacks start, so any is refused outright.
// A plain external DOCTYPE (old RSS 0.91 feeds carry one) is harmless and allowed.
import { FeedParseError } from "./types";

const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/g;
const COMMENT = /<!--[\s\S]*?-->/g;

export function assertSafeXml(xml: string): void {
  // Articles about XML may quote "<!ENTITY" inside CDATA or comments; only markup counts.
  const markup = xml.replace(CDATA, "").replace(COMMENT, "");
  if (/<!ENTITY\b/i.test(markup)) {
    throw new FeedParseError("entity-declaration", "Feed declares XML entities; refused (entity expansion attack)");
  }
  if (/<!DOCTYPE[^>[]*\[/i.test(markup)) {
    throw new FeedParseError("entity-declaration", "Feed has a DOCTYPE with an internal subset; refused");
  }
}

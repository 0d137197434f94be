// The shipped feed URLs were written without network access. A feed counts as verified only when its exact URL is
// one that Kagi News polls (../shared/corpora/sources/kagi-kite/kite_feeds.json); every other is marked
// "verified": false in lib/outlets/known-outlets.json, and editors see it as unverified.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isUnverifiedDefaultFeed, knownOutlets } from "@/lib/outlets/known-outlets";
import { defaultSources } from "@/lib/sources/default-sources";
import { sharedPath } from "@/tests/support/shared";

/** Every http(s) URL anywhere in the catalogue (its categories nest feed lists at varying depths). */
function catalogueUrls(): Set<string> {
  const file = path.join(sharedPath("corpora", "sources", "kagi-kite"), "kite_feeds.json");
  const urls = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (/^https?:\/\//.test(v)) urls.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, "utf8")));
  return urls;
}

describe("default feeds against the Kagi News catalogue", () => {
  const catalogue = catalogueUrls();
  const withFeed = knownOutlets().filter((o) => o.feed);

  it("reads a catalogue of thousands of feeds", () => {
    expect(catalogue.size).toBeGreaterThan(1000);
  });

  it("marks a feed verified only when the catalogue has its exact URL", () => {
    const wronglyVerified = withFeed.filter((o) => o.verified && !catalogue.has(o.feed!)).map((o) => o.feed);
    expect(wronglyVerified, 'verified feeds missing from kite_feeds.json: mark them "verified": false').toEqual([]);
  });

  it("does not leave a catalogue URL marked unverified", () => {
    const needlesslyUnverified = withFeed.filter((o) => !o.verified && catalogue.has(o.feed!)).map((o) => o.feed);
    expect(needlesslyUnverified).toEqual([]);
  });

  it("ships every default feed, and tells the verified from the unverified by URL", () => {
    const shipped = defaultSources().flatMap((s) => s.feeds);
    expect(shipped).toHaveLength(withFeed.length);
    const unverified = shipped.filter(isUnverifiedDefaultFeed);
    expect(unverified.length).toBeGreaterThan(0);
    expect(unverified.every((url) => !catalogue.has(url))).toBe(true);
    expect(shipped.filter((url) => !isUnverifiedDefaultFeed(url)).every((url) => catalogue.has(url))).toBe(true);
    expect(isUnverifiedDefaultFeed("https://feeds.example/not-a-default.xml")).toBe(false);
  });
});

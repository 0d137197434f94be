// Feeds go through the same decoder as pages (safeFetch's text()); Miniflux's encoding cases, read from ../shared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFeed } from "@/lib/feeds/parse";
import { decodeText } from "@/lib/net/charset";
import { sharedPath } from "@/tests/support/shared";

const miniflux = (name: string) =>
  readFileSync(path.join(sharedPath("corpora/feeds/miniflux/encoding/testdata"), name));
const titleOf = async (name: string, contentType = "application/rss+xml") =>
  (await parseFeed(decodeText(miniflux(name), contentType), "http://example.com/")).title;

describe("feed encodings (Miniflux's cases)", () => {
  it("reads 0x80 in a windows-1252 feed as the euro sign", async () => {
    expect(await titleOf("windows-1252.xml")).toBe("Euro \u20ac");
  });

  it("reads an ISO-8859-1 feed", async () => {
    expect(await titleOf("iso-8859-1.xml")).toBe("Caf\u00e9");
  });

  it("reads a KOI8-R feed", async () => {
    expect(await titleOf("koi8r.xml")).toBe("Пример RSS ленты");
  });

  it("reads a UTF-8 feed whose prolog still names windows-1252", async () => {
    expect(await titleOf("windows-1252-incorrect-prolog.xml")).toBe("Euro \u20ac");
  });

  it("lets the HTTP header's charset win over the prolog", async () => {
    expect(await titleOf("windows-1252.xml", "application/rss+xml; charset=iso-8859-1")).toBe("Euro \u20ac");
  });
});

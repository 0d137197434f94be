import { describe, expect, it } from "vitest";
import { isKiteCatalogue, outletNamesFromMedia, parseKiteCatalogue } from "./kite-catalogue";

const category = (feeds: unknown[]) => ({
  category_type: "topic",
  source_language: "en",
  display_names: { en: "x", de: "y" },
  feeds,
});

describe("isKiteCatalogue", () => {
  it("tells a catalogue (object of categories with feeds) from a source list and from other JSON", () => {
    expect(isKiteCatalogue({ World: category(["https://a.example.com/rss"]) })).toBe(true);
    expect(isKiteCatalogue([{ name: "BBC", domain: "bbc.co.uk", feeds: [] }])).toBe(false);
    expect(isKiteCatalogue({})).toBe(false);
    expect(isKiteCatalogue({ World: { feeds: "nope" } })).toBe(false);
    expect(isKiteCatalogue({ World: category([]), other: 3 })).toBe(false);
    expect(isKiteCatalogue(null)).toBe(false);
  });
});

describe("parseKiteCatalogue", () => {
  it("keeps each category of a URL that appears in several, and one outlet per registrable domain", () => {
    const c = parseKiteCatalogue({
      "USA | Texas": category(["https://www.texastribune.org/feeds/", "https://spacecityweather.com/feed/"]),
      "USA | Houston": category(["https://spacecityweather.com/feed/", "https://news.texastribune.org/rss"]),
    });
    expect(c.categories).toEqual(["USA | Texas", "USA | Houston"]);
    expect(c.feeds.map((f) => [f.url, f.categories])).toEqual([
      ["https://www.texastribune.org/feeds/", ["USA | Texas"]],
      ["https://spacecityweather.com/feed/", ["USA | Texas", "USA | Houston"]],
      ["https://news.texastribune.org/rss", ["USA | Houston"]],
    ]);
    expect(c.outlets.map((o) => o.domain).sort()).toEqual(["spacecityweather.com", "texastribune.org"]);
    expect(c.skipped).toEqual([]);
  });

  it("skips a bad entry with its category and reason, and sends a literal space as %20", () => {
    const c = parseKiteCatalogue({
      Photonics: category([
        "opencv.org/feed",
        "javascript:alert(1)",
        42,
        "https://www.dlr.de/@@rss?portal_type=News Item&x=1",
        "https://photonics.example.org/rss",
      ]),
    });
    expect(c.feeds.map((f) => f.url)).toEqual([
      "https://www.dlr.de/@@rss?portal_type=News%20Item&x=1",
      "https://photonics.example.org/rss",
    ]);
    expect(c.skipped.map((s) => [s.category, s.entry])).toEqual([
      ["Photonics", "opencv.org/feed"],
      ["Photonics", "javascript:alert(1)"],
      ["Photonics", "42"],
    ]);
    expect(c.skipped[0].reason).toMatch(/http\(s\) URL/);
  });

  it("names outlets from media_data.json where it names them, else the domain", () => {
    const names = outletNamesFromMedia([
      { organization: "Space City Weather LLC", domains: ["spacecityweather.com"], country: "" },
      { organization: "", domains: ["empty.example.com"] },
    ]);
    const c = parseKiteCatalogue(
      { Weather: category(["https://spacecityweather.com/feed/", "https://rain.example.net/rss"]) },
      names,
    );
    expect(Object.fromEntries(c.outlets.map((o) => [o.domain, o.name]))).toEqual({
      "spacecityweather.com": "Space City Weather LLC",
      "example.net": "example.net",
    });
    expect(outletNamesFromMedia({ not: "a list" }).size).toBe(0);
  });

  it("refuses a file that is not a catalogue at all, with a clear message", () => {
    expect(() => parseKiteCatalogue({ World: { feeds: "x" } })).toThrow(/Invalid feed catalogue: World.feeds/);
  });
});

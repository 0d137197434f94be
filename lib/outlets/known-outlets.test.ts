import { describe, expect, it } from "vitest";
import { findOutletByDomain, findOutletByName, knownOutlets } from "./known-outlets";

describe("known outlets catalogue", () => {
  it("is broad: at least 45 outlets from at least 12 countries, every kind of newsroom", () => {
    const all = knownOutlets();
    expect(all.length).toBeGreaterThanOrEqual(45);
    expect(new Set(all.map((o) => o.country)).size).toBeGreaterThanOrEqual(12);
    for (const kind of ["wire", "public-broadcaster", "state", "national", "independent", "aggregator"]) {
      expect(
        all.some((o) => o.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it("has unique names and domains so lookups are unambiguous", () => {
    const all = knownOutlets();
    const names = all.flatMap((o) => [o.name, ...o.aliases].map((n) => n.toLowerCase()));
    expect(names.length).toBe(new Set(names).size);
    const domains = all.flatMap((o) => [o.domain, ...o.altDomains]);
    expect(domains.length).toBe(new Set(domains).size);
  });
});

describe("findOutletByDomain", () => {
  it("maps subdomains and URLs to the parent outlet", () => {
    expect(findOutletByDomain("news.cgtn.com")?.name).toBe("CGTN");
    expect(findOutletByDomain("https://news.cgtn.com/news/2025-04-26/x/p.html")?.name).toBe("CGTN");
    expect(findOutletByDomain("www.pravda.com.ua")?.name).toBe("Ukrainska Pravda");
    expect(findOutletByDomain("https://www.bbc.com/news/world")?.name).toBe("BBC");
    expect(findOutletByDomain("edition.cnn.com")?.name).toBe("CNN");
  });

  it("does not match look-alike hosts", () => {
    expect(findOutletByDomain("notcnn.com")).toBeNull();
    expect(findOutletByDomain("cnn.com.evil.example")).toBeNull();
    expect(findOutletByDomain("")).toBeNull();
  });
});

describe("findOutletByName", () => {
  it("finds names and aliases as whole words, case-insensitively", () => {
    expect(findOutletByName("Support Ukrainska Pravda on Patreon!")?.domain).toBe("pravda.com.ua");
    expect(findOutletByName("(MENAFN) Russian presidential aide")?.name).toBe("MENAFN");
    expect(findOutletByName("ANI April 26, 2025 368 views")?.domain).toBe("aninews.in");
    expect(findOutletByName("as reported by THE ASSOCIATED PRESS")?.name).toBe("Associated Press");
    expect(findOutletByName("REUTERS/Maxim Shemetov")?.name).toBe("Reuters");
    expect(findOutletByName("Джерело: Українська правда")?.name).toBe("Ukrainska Pravda");
  });

  it("prefers the earliest mention", () => {
    expect(findOutletByName("CNN, citing Reuters, reported")?.name).toBe("CNN");
  });

  it("ignores partial words and lowercase common words", () => {
    expect(findOutletByName("Raptors won at dawn on the hill")).toBeNull();
    expect(findOutletByName("the independent commission said")).toBeNull();
    expect(findOutletByName("DAWNING")).toBeNull();
  });
});

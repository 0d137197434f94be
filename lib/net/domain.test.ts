import { describe, expect, it } from "vitest";
import { registrableDomain, siteDomain } from "./domain";

describe("registrableDomain", () => {
  it("is null for a host with no registrable domain", () => {
    for (const host of ["localhost", "http://192.0.2.1/x", "", null, undefined])
      expect(registrableDomain(host)).toBeNull();
  });

  it("lower-cases and ignores subdomains", () => {
    expect(registrableDomain("https://News.BBC.co.uk/x")).toBe("bbc.co.uk");
  });
});

describe("siteDomain", () => {
  it.each([
    ["www.reuters.com", "reuters.com"],
    ["news.cgtn.com", "cgtn.com"],
    ["feeds.bbci.co.uk", "bbci.co.uk"],
    ["www.pravda.com.ua", "pravda.com.ua"],
    ["www3.nhk.or.jp", "nhk.or.jp"],
    ["www.abc.net.au", "abc.net.au"],
    ["https://www.aninews.in/news/world/x.html", "aninews.in"],
    ["localhost", "localhost"],
    // A second level no short list would know: kiev.ua is a public suffix of its own.
    ["www.example.kiev.ua", "example.kiev.ua"],
  ])("%s → %s", (host, expected) => {
    expect(siteDomain(host)).toBe(expected);
  });
});

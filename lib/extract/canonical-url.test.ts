import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url";

describe("canonicalUrl", () => {
  it("lower-cases the host and drops fragments, default ports and credentials", () => {
    expect(canonicalUrl("HTTPS://News.Example.COM:443/World/Story?id=7#comments")).toBe(
      "https://news.example.com/World/Story?id=7",
    );
    expect(canonicalUrl("http://user:pw@example.com:80/a")).toBe("http://example.com/a");
  });

  it("removes trackers but keeps parameters that identify the page, in a stable order", () => {
    expect(canonicalUrl("https://example.com/a?utm_source=x&b=2&fbclid=1&a=1&gclid=9")).toBe(
      "https://example.com/a?a=1&b=2",
    );
  });

  it("treats index pages and trailing slashes as the same page", () => {
    expect(canonicalUrl("https://example.com/news/index.html")).toBe("https://example.com/news");
    expect(canonicalUrl("https://example.com/news/")).toBe("https://example.com/news");
    expect(canonicalUrl("https://example.com/")).toBe("https://example.com/");
  });

  it("drops every trailing dot of the host, so that a canonical URL canonicalises to itself", () => {
    // Found by tests/properties/canonical-url.test.ts: one dot was dropped per pass, so "example.com..." gave
    // "example.com../" and that gave "example.com./": two keys for one page.
    expect(canonicalUrl("http://EXAMPLE.com...")).toBe("http://example.com/");
    expect(canonicalUrl(canonicalUrl("http://EXAMPLE.com...") ?? "")).toBe("http://example.com/");
  });

  it("treats an index page with a trailing slash as the page itself, in one pass", () => {
    // Found by tests/properties/canonical-url.test.ts: "/index.html/" lost its slash in the first pass and its
    // index page only in the second.
    expect(canonicalUrl("http://example.com/index.html/")).toBe("http://example.com/");
    expect(canonicalUrl("http://example.com/news/index.html/")).toBe("http://example.com/news");
  });

  it("refuses what is not an http(s) URL", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("not a url")).toBeNull();
    expect(canonicalUrl("ftp://example.com/file")).toBeNull();
  });
});

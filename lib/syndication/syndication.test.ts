import { describe, expect, it } from "vitest";
import { absoluteUrl, publicUrl, tagUri } from "./config";
import { conditionalResponse, etagFor } from "./http";
import { feedPath } from "./paths";
import { rfc3339, rfc822 } from "./dates";

describe("publicUrl", () => {
  it("defaults to localhost and normalises the base", () => {
    expect(publicUrl({})).toBe("http://localhost:3000");
    expect(publicUrl({ PUBLIC_URL: " " })).toBe("http://localhost:3000");
    expect(publicUrl({ PUBLIC_URL: "https://News.Example/parallax/?x=1#y" })).toBe("https://news.example/parallax");
    expect(absoluteUrl("/events/3", "https://a.example")).toBe("https://a.example/events/3");
    expect(tagUri("event/3", "https://a.example:8443/x")).toBe("tag:a.example,2026:event/3");
  });

  it.each(["not a url", "ftp://a.example", "javascript:alert(1)"])("rejects %j", (value) => {
    expect(() => publicUrl({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
  });
});

describe("dates", () => {
  it("formats dates in UTC whatever the local zone", () => {
    const d = new Date("2026-11-22T16:56:42.123Z");
    expect(rfc822(d)).toBe("Sun, 22 Nov 2026 16:56:42 GMT");
    expect(rfc3339(d)).toBe("2026-11-22T16:56:42Z");
  });
});

describe("conditionalResponse", () => {
  const lastModified = new Date("2026-11-22T10:00:00.900Z");
  const respond = (headers: HeadersInit) =>
    conditionalResponse(new Request("http://x.test/f", { headers }), "body", {
      contentType: "text/plain",
      lastModified,
    });

  it("compares Last-Modified at one-second precision", () => {
    expect(respond({ "If-Modified-Since": "Sun, 22 Nov 2026 10:00:00 GMT" }).status).toBe(304);
    expect(respond({ "If-Modified-Since": "Sun, 22 Nov 2026 09:59:59 GMT" }).status).toBe(200);
  });

  it("matches * and lists of tags", () => {
    expect(respond({ "If-None-Match": "*" }).status).toBe(304);
    expect(respond({ "If-None-Match": `"a", ${etagFor("body")}` }).status).toBe(304);
    expect(respond({ "If-None-Match": etagFor("other") }).status).toBe(200);
  });
});

describe("feedPath", () => {
  it("builds search feed URLs without empty fields", () => {
    expect(feedPath({ kind: "search", params: { q: "a b&c", outlet: undefined, from: "2026-01-01" } }, "atom")).toBe(
      "/feeds/search.atom?q=a+b%26c&from=2026-01-01",
    );
    expect(feedPath({ kind: "source", domain: "bbc.co.uk" }, "json")).toBe("/feeds/sources/bbc.co.uk.json");
  });
});

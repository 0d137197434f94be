import { describe, expect, it } from "vitest";
import { extractHtml } from "./html";
import { defaultSiteRules, parseSiteRules, siteRuleFor } from "./site-rules";

const prose = (topic: string) =>
  `The council met on Tuesday evening to discuss ${topic}, and members spoke at length about the costs, ` +
  `the timetable and the likely effect on residents who live along the route through the old town.`;

// A page where the heuristics pick the long "analysis" block, while the site's real body is the short one.
const page = (canonical = "") => `<!doctype html><html><head><title>Bridge repairs approved</title>${canonical}</head>
<body>
  <div class="story-lede"><p>${prose("the bridge repairs")}</p></div>
  <div class="analysis">
    <p>${prose("the regional budget")}</p><p>${prose("parking charges")}</p><p>${prose("the library hours")}</p>
  </div>
  <div class="promo-box"><p>${prose("a weekend festival sponsored by local businesses")}</p></div>
</body></html>`;

describe("site rules in extractHtml", () => {
  const rules = parseSiteRules({
    "keeper.example.com": { keep: "div.story-lede" },
    "dropper.example.com": { drop: [".analysis", ".promo-box"] },
    "broken.example.com": { keep: "div.no-such-block" },
  });

  it("uses the keep selector as the container instead of the heuristics", () => {
    const heuristic = extractHtml(page(), { url: "https://other.example.org/a", siteRules: rules });
    expect(heuristic.text).toContain("regional budget");
    const ruled = extractHtml(page(), { url: "https://keeper.example.com/a", siteRules: rules });
    expect(ruled.text).toBe(prose("the bridge repairs"));
  });

  it("removes drop selectors before the heuristics run", () => {
    const article = extractHtml(page(), { url: "https://dropper.example.com/a", siteRules: rules });
    expect(article.text).toBe(prose("the bridge repairs"));
    expect(article.html).not.toContain("festival");
  });

  it("applies a domain's rule to its subdomains and to a page known only by its canonical link", () => {
    const sub = extractHtml(page(), { url: "https://www.news.keeper.example.com/a", siteRules: rules });
    expect(sub.text).toBe(prose("the bridge repairs"));
    const canonical = extractHtml(page('<link rel="canonical" href="https://keeper.example.com/bridge">'), {
      siteRules: rules,
    });
    expect(canonical.text).toBe(prose("the bridge repairs"));
  });

  it("does not apply a rule to a host that merely ends with the same letters", () => {
    expect(siteRuleFor(["https://notkeeper.example.com/"], rules)).toBeNull();
    expect(siteRuleFor(["https://keeper.example.com.evil.net/"], rules)).toBeNull();
  });

  it("falls back to the heuristics when the keep selector matches nothing", () => {
    const article = extractHtml(page(), { url: "https://broken.example.com/a", siteRules: rules });
    expect(article.text).toContain("regional budget");
  });
});

describe("parseSiteRules", () => {
  it("rejects an invalid selector, naming the host and field", () => {
    expect(() => parseSiteRules({ "example.com": { keep: "div[class=" } })).toThrow(
      /invalid site rules: example\.com\.keep: invalid CSS selector "div\[class="/,
    );
  });

  it("rejects unknown fields, empty rules and hosts that are not host names", () => {
    expect(() => parseSiteRules({ "example.com": { keep: "article", remove: [".ad"] } })).toThrow(
      /example\.com.*remove/,
    );
    expect(() => parseSiteRules({ "example.com": {} })).toThrow(/example\.com: a rule needs keep or drop/);
    expect(() => parseSiteRules({ "https://example.com/": { keep: "article" } })).toThrow(
      /expected a lower-case host name/,
    );
    expect(() => parseSiteRules([])).toThrow(/invalid site rules: \(top level\)/);
  });

  it("accepts the shipped rules file", () => {
    expect(defaultSiteRules().size).toBeGreaterThan(3);
  });
});

// The search and subscribe components rendered to HTML: hostile titles and snippets come out as text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchForm } from "@/components/search-form";
import { SearchResults } from "@/components/search-results";
import { SubscribeLinks } from "@/components/subscribe-links";
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from "@/lib/search/terms";
import { searchParamsSchema } from "@/lib/search/schema";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>`;

describe("search components", () => {
  it("escapes titles, snippets and outlet names, marking only the matched words", () => {
    const html = renderToStaticMarkup(
      createElement(SearchResults, {
        start: 1,
        hits: [
          {
            eventId: 7,
            title: hostile,
            summary: null,
            firstSeenAt: new Date("2026-11-01T10:00:00Z"),
            lastSeenAt: new Date("2026-11-02T10:00:00Z"),
            articleCount: 2,
            sources: [{ name: `<b>Evil</b>`, domain: "evil.example", country: null }],
            score: 1,
            snippet: `before ${O}${hostile}${C} after ${O}witkoff${C}`,
          },
        ],
      }),
    );
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<mark[^>]*>/g)).toHaveLength(2);
    expect(html).toContain(">witkoff</mark>");
    expect(html).not.toMatch(/[\u0002\u0003]/);
    expect(html).toContain('href="/events/7"');
  });

  it("keeps the query and filters in the GET form", () => {
    const params = searchParamsSchema.parse({
      q: `"><script>x</script>`,
      outlet: "WWW.Good.Example",
      from: "2026-11-01",
      to: "not-a-date",
    });
    expect(params).toMatchObject({ outlet: "good.example", from: "2026-11-01", to: undefined, page: 1 });
    const html = renderToStaticMarkup(
      createElement(SearchForm, { params, outlets: [{ name: "Good", domain: "good.example" }] }),
    );
    expect(html).toContain('method="get"');
    expect(html).toContain('action="/search"');
    expect(html).not.toContain("<script");
    expect(html).toMatch(/<option value="good.example" selected="">/);
  });

  it("links to the search feed in every format with the filters", () => {
    const html = renderToStaticMarkup(
      createElement(SubscribeLinks, { target: { kind: "search", params: { q: "a&b", outlet: "good.example" } } }),
    );
    expect(html).toContain('href="/feeds/search.rss?q=a%26b&amp;outlet=good.example"');
    expect(html).toContain('href="/feeds/search.atom?q=a%26b&amp;outlet=good.example"');
    expect(html).toContain('href="/feeds/search.json?q=a%26b&amp;outlet=good.example"');
  });
});

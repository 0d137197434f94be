// The event page's comparison sections, rendered to static HTML (as the server sends them, no client JS) from the
// seeds' real comparison.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventView } from "@/components/event-view";
import { getEvent, isRedirect } from "@/lib/events/data";
import type { EventDetail } from "@/lib/events/types";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { createTempDb } from "@/tests/support/temp-db";
import { sharedPath } from "@/tests/support/shared";
import { alignArticles } from "@/lib/compare/align";
import { buildComparison } from "@/lib/compare/build";
import { parseEventViewQuery } from "@/lib/compare/view-params";

let temp: Awaited<ReturnType<typeof createTempDb>>;
let event: EventDetail;

beforeAll(async () => {
  temp = await createTempDb();
  await ingestInputs([sharedPath("seeds")], { db: temp.db });
  // Whatever the clusterer decided, show all five seeds as one event.
  const largest = (await temp.db.event.findMany({ orderBy: { articleCount: "desc" } }))[0];
  await temp.db.eventArticle.updateMany({ data: { eventId: largest.id } });
  const result = await getEvent(largest.id, temp.db);
  if (!result || isRedirect(result)) throw new Error("no event");
  event = result;
});

afterAll(async () => {
  await temp?.cleanup();
});

function render(search: Record<string, string> = {}) {
  const comparison = buildComparison(event.articles.map((a) => ({ ...a, source: a.source })));
  const query = parseEventViewQuery(search);
  const a = event.articles.find((x) => x.id === query.articleA);
  const b = event.articles.find((x) => x.id === query.articleB);
  const pair = a && b ? { a, b, rows: alignArticles(a.text, b.text) } : null;
  return renderToStaticMarkup(createElement(EventView, { event, compare: { comparison, query, pair } }));
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("event page with the comparison", () => {
  it("keeps every article column and adds the comparison sections", () => {
    const html = render();
    expect(count(html, 'data-testid="article-column"')).toBe(5);
    // "Not covered by" needs other events in the database; the cache test covers it.
    for (const heading of ["What everyone reports", "Quotes", "Headlines", "Coverage", "Entities", "Compare two"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toMatch(/Reported by [345] of 5 outlets/);
    expect(html).toContain("[only here] ");
    expect(html).toContain("<ins");
    expect(html).toContain('<title id="timeline-title">Publication timeline</title>');
  });

  it("filters and orders columns and renders a compared pair from the query string", () => {
    const [a, b] = event.articles;
    const domains = event.articles.flatMap((x) => (x.source ? [x.source.domain] : [])).slice(0, 2);
    const html = render({
      outlets: domains.join(","),
      order: "outlet",
      articleA: String(a.id),
      articleB: String(b.id),
    });
    expect(count(html, 'data-testid="article-column"')).toBe(2);
    expect(html).toContain("not reported");
  });
});

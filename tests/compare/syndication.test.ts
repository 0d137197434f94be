// Syndicated copies (Article.duplicateOfId) on the event page: no column of their own, listed under their
// original, covering the event but not counted again as a report. Against a temporary database, end to end
// from the stored rows through the cached comparison to the rendered page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventView } from "@/components/event-view";
import type { Db } from "@/lib/db";
import { getEvent, isRedirect } from "@/lib/events/data";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";
import { splitCopies } from "@/lib/compare/build";
import { getComparison } from "@/lib/compare/cache";
import type { ComparisonResponse } from "@/lib/compare/schema";
import { parseEventViewQuery } from "@/lib/compare/view-params";

const WIRE =
  "The envoy met the president in Moscow for three hours on Friday.\n\nAides described the talks with the envoy as constructive and useful for both sides.";
let temp: Awaited<ReturnType<typeof tempDatabase>>;
let db: Db;
const ids: Record<string, number> = {};

beforeAll(async () => {
  temp = await tempDatabase();
  db = temp.db;
  const at = new Date("2025-04-25T12:00:00Z");
  const wire = await addSource(db, "Wire Service", "wire.example", "GB");
  const paper = await addSource(db, "Daily Paper", "paper.example", "FR");
  const local = await addSource(db, "Local Gazette", "gazette.example", "US");
  ids.original = (
    await addArticle(db, {
      title: "Envoy and president meet",
      text: WIRE,
      sourceId: wire.id,
      publishedAt: at,
      url: "https://wire.example/a",
    })
  ).id;
  ids.other = (
    await addArticle(db, {
      title: "Three-hour meeting in Moscow",
      text: "The president and the envoy held a three-hour meeting in Moscow on Friday.\n\nFarmers protested new grain export quotas outside parliament.",
      sourceId: paper.id,
      publishedAt: new Date("2025-04-25T13:00:00Z"),
      url: "https://paper.example/b",
    })
  ).id;
  ids.copy = (
    await addArticle(db, {
      title: "Envoy and president meet",
      text: WIRE,
      sourceId: local.id,
      publishedAt: new Date("2025-04-25T14:00:00Z"),
      url: "https://gazette.example/c",
    })
  ).id;
  ids.event = (
    await addEvent(db, {
      title: "Meeting",
      firstSeenAt: at,
      lastSeenAt: at,
      sourceCount: 3,
      articleIds: [ids.original, ids.other, ids.copy],
    })
  ).id;
});

afterAll(async () => {
  await temp?.cleanup();
});

async function comparison(): Promise<ComparisonResponse> {
  const result = await getComparison(db, ids.event);
  if (!result || !("comparison" in result)) throw new Error("no comparison");
  return result;
}

async function render(search: Record<string, string> = {}): Promise<string> {
  const event = await getEvent(ids.event, db);
  if (!event || isRedirect(event)) throw new Error("no event");
  const { comparison: c } = await comparison();
  return renderToStaticMarkup(
    createElement(EventView, { event, compare: { comparison: c, query: parseEventViewQuery(search), pair: null } }),
  );
}

const count = (html: string, needle: string) => html.split(needle).length - 1;
const meetingGroup = (r: ComparisonResponse) =>
  r.comparison.shared.find((g) => g.sentences.some((s) => /three hours/.test(s.text)));

describe("syndicated copies on the event page", () => {
  it("counts an unmarked copy as a report of its own (the baseline the marking changes)", async () => {
    const before = await comparison();
    expect(before.comparison.copies).toEqual([]);
    expect(before.comparison.reportingOutletCount).toBe(3);
    expect(meetingGroup(before)?.outletCount).toBe(3);
    expect(count(await render(), 'data-testid="article-column"')).toBe(3);
  });

  it("once marked, drops the copy from the reports and the cached comparison is rebuilt", async () => {
    const before = await comparison();
    await db.article.update({ where: { id: ids.copy }, data: { duplicateOfId: ids.original } });
    const after = await comparison();
    expect(after.version).not.toBe(before.version);
    const c = after.comparison;
    expect(c.copies).toEqual([
      {
        id: ids.copy,
        originalId: ids.original,
        outletKey: "source:gazette.example",
        title: "Envoy and president meet",
        publishedAt: "2025-04-25T14:00:00.000Z",
      },
    ]);
    expect(c.articles.map((a) => a.id).sort()).toEqual([ids.original, ids.other].sort());
    // The copy's outlet covered the event but did not report it independently.
    expect(c.outletCount).toBe(3);
    expect(c.reportingOutletCount).toBe(2);
    expect(meetingGroup(after)?.outletCount).toBe(2);
    expect(meetingGroup(after)?.outletKeys).toEqual(["source:paper.example", "source:wire.example"]);
    expect(c.coverage.timeline.map((t) => t.articleId)).toContain(ids.copy);
    expect(c.entities.every((e) => e.counts.every((k) => k.outletKey !== "source:gazette.example"))).toBe(true);
  });

  it("renders the copy under its original's column, linked, and counts it once", async () => {
    const html = await render();
    expect(count(html, 'data-testid="article-column"')).toBe(2);
    expect(html).not.toContain(`id="article-${ids.copy}"`);
    const column = html.slice(html.indexOf(`id="article-${ids.original}"`), html.indexOf(`id="article-${ids.other}"`));
    expect(column).toContain("Also published by: ");
    expect(column).toMatch(/<a href="https:\/\/gazette\.example\/c"[^>]*>Local Gazette/);
    expect(html).toContain("Reported by 2 of 2 outlets");
    expect(html).toContain("Covered by 3 outlets");
    // The copy's row in the timeline table points at the original's column.
    expect(html).toMatch(new RegExp(`href="#article-${ids.original}"[^>]*>Local Gazette</a>`));
  });

  it("shows the original's column when only the copy's outlet is asked for", async () => {
    const html = await render({ outlets: "gazette.example" });
    expect(count(html, 'data-testid="article-column"')).toBe(1);
    expect(html).toContain(`id="article-${ids.original}"`);
  });
});

describe("splitCopies", () => {
  it("keeps a copy whose original is not in the event as a report, and follows a chain to its root", () => {
    const { originals, copies } = splitCopies([
      { id: 1, duplicateOfId: null },
      { id: 2, duplicateOfId: 1 },
      { id: 3, duplicateOfId: 2 },
      { id: 4, duplicateOfId: 99 },
    ]);
    expect(originals.map((a) => a.id)).toEqual([1, 4]);
    expect(copies.map((c) => [c.id, c.originalId])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { getEvent, isRedirect, listEvents } from "@/lib/events/data";
import { toEventDetailJson, toEventListJson } from "@/lib/events/json";
import { eventDetailJsonSchema, eventListJsonSchema } from "@/lib/events/schema";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";

const now = new Date("2024-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

let db: Db;
let cleanup: () => Promise<void>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ db, cleanup } = await tempDatabase());
  const kyiv = await addSource(db, "Kyiv Independent", "kyivindependent.com", "UA");
  const bbc = await addSource(db, "BBC News", "bbc.co.uk", "GB");
  const ap = await addSource(db, "AP", "apnews.com", "US");

  // "wide": three outlets, four articles (two from BBC), one of them undated.
  const w1 = await addArticle(db, { title: "Wide late", sourceId: bbc.id, publishedAt: hoursAgo(2) });
  const w2 = await addArticle(db, { title: "Wide early", sourceId: kyiv.id, publishedAt: hoursAgo(5) });
  const w3 = await addArticle(db, { title: "Wide undated", sourceId: ap.id, publishedAt: null });
  const w4 = await addArticle(db, { title: "Wide BBC again", sourceId: bbc.id, publishedAt: hoursAgo(3) });
  ids.wide = (
    await addEvent(db, {
      title: "Wide coverage",
      firstSeenAt: hoursAgo(5),
      lastSeenAt: hoursAgo(2),
      sourceCount: 3,
      articleIds: [w1.id, w2.id, w3.id, w4.id],
    })
  ).id;

  // "fresh": one outlet, very recent; "stale": two outlets a week ago.
  const f1 = await addArticle(db, { title: "Fresh", sourceId: ap.id, publishedAt: hoursAgo(1) });
  ids.fresh = (
    await addEvent(db, {
      title: "Fresh single",
      firstSeenAt: hoursAgo(1),
      lastSeenAt: hoursAgo(1),
      sourceCount: 1,
      articleIds: [f1.id],
    })
  ).id;
  const s1 = await addArticle(db, { title: "Stale A", sourceId: ap.id, publishedAt: hoursAgo(170) });
  const s2 = await addArticle(db, { title: "Stale B", sourceId: kyiv.id, publishedAt: hoursAgo(168) });
  ids.stale = (
    await addEvent(db, {
      title: "Stale pair",
      firstSeenAt: hoursAgo(170),
      lastSeenAt: hoursAgo(168),
      sourceCount: 2,
      articleIds: [s1.id, s2.id],
    })
  ).id;

  // "unknown": an article with no outlet at all.
  const u1 = await addArticle(db, { title: "Anonymous file", sourceId: null, publishedAt: hoursAgo(30) });
  ids.unknown = (
    await addEvent(db, {
      title: "From a file",
      firstSeenAt: hoursAgo(30),
      lastSeenAt: hoursAgo(30),
      sourceCount: 0,
      articleIds: [u1.id],
    })
  ).id;

  // A chain of merges: merged2 -> merged1 -> wide; and an empty event that must not be listed.
  ids.merged1 = (
    await addEvent(db, {
      title: "Merged 1",
      firstSeenAt: now,
      lastSeenAt: now,
      sourceCount: 9,
      articleIds: [],
      mergedIntoId: ids.wide,
    })
  ).id;
  ids.merged2 = (
    await addEvent(db, {
      title: "Merged 2",
      firstSeenAt: now,
      lastSeenAt: now,
      sourceCount: 9,
      articleIds: [],
      mergedIntoId: ids.merged1,
    })
  ).id;
  ids.empty = (
    await addEvent(db, { title: "Empty", firstSeenAt: now, lastSeenAt: now, sourceCount: 0, articleIds: [] })
  ).id;
});

afterAll(async () => {
  await cleanup?.();
});

describe("listEvents", () => {
  it("ranks by coverage with recency decay and leaves out merged and empty events", async () => {
    const page = await listEvents({ limit: 20, offset: 0, now }, db);
    expect(page.events.map((e) => e.title)).toEqual(["Wide coverage", "Fresh single", "From a file", "Stale pair"]);
    expect(page.total).toBe(4);
  });

  it("pages through the ranking", async () => {
    const second = await listEvents({ limit: 2, offset: 1, now }, db);
    expect(second.events.map((e) => e.title)).toEqual(["Fresh single", "From a file"]);
    expect(second).toMatchObject({ total: 4, limit: 2, offset: 1 });
    const past = await listEvents({ limit: 5, offset: 10, now }, db);
    expect(past.events).toEqual([]);
  });

  it("lists each outlet once, alphabetically", async () => {
    const { events } = await listEvents({ limit: 1, offset: 0, now }, db);
    expect(events[0].sources.map((s) => s.name)).toEqual(["AP", "BBC News", "Kyiv Independent"]);
    expect(events[0].sources[2]).toEqual({ name: "Kyiv Independent", domain: "kyivindependent.com", country: "UA" });
    expect(events[0].articleCount).toBe(4);
  });

  it("produces JSON that satisfies the published schema", async () => {
    const json = toEventListJson(await listEvents({ limit: 20, offset: 0, now }, db));
    expect(eventListJsonSchema.safeParse(json).success).toBe(true);
    expect(json.events[0]).toMatchObject({ url: `/events/${ids.wide}`, firstSeenAt: hoursAgo(5).toISOString() });
  });
});

describe("getEvent", () => {
  it("returns the articles oldest first, undated last", async () => {
    const event = await getEvent(ids.wide, db);
    if (!event || isRedirect(event)) throw new Error("expected an event");
    expect(event.articles.map((a) => a.title)).toEqual(["Wide early", "Wide BBC again", "Wide late", "Wide undated"]);
    expect(event.articles[0].source?.name).toBe("Kyiv Independent");
    expect(event.articles[0].text).toContain("Body of Wide early.");
  });

  it("keeps articles without an outlet, with a null source", async () => {
    const event = await getEvent(ids.unknown, db);
    if (!event || isRedirect(event)) throw new Error("expected an event");
    expect(event.articles).toHaveLength(1);
    expect(event.articles[0].source).toBeNull();
    expect(event.sources).toEqual([]);
  });

  it("redirects a merged event to the survivor, following chains", async () => {
    expect(await getEvent(ids.merged1, db)).toEqual({ redirectTo: ids.wide });
    expect(await getEvent(ids.merged2, db)).toEqual({ redirectTo: ids.wide });
  });

  it("returns null for a missing event and for a merge cycle", async () => {
    expect(await getEvent(999_999, db)).toBeNull();
    const a = await addEvent(db, {
      title: "Cycle A",
      firstSeenAt: now,
      lastSeenAt: now,
      sourceCount: 0,
      articleIds: [],
    });
    const b = await addEvent(db, {
      title: "Cycle B",
      firstSeenAt: now,
      lastSeenAt: now,
      sourceCount: 0,
      articleIds: [],
      mergedIntoId: a.id,
    });
    await db.event.update({ where: { id: a.id }, data: { mergedIntoId: b.id } });
    expect(await getEvent(a.id, db)).toBeNull();
  });

  it("produces detail JSON that satisfies the published schema", async () => {
    const event = await getEvent(ids.wide, db);
    if (!event || isRedirect(event)) throw new Error("expected an event");
    const json = toEventDetailJson(event);
    expect(eventDetailJsonSchema.safeParse(json).success).toBe(true);
    expect(json.articles[3].publishedAt).toBeNull();
    expect(json.articles[0]).not.toHaveProperty("html");
  });
});

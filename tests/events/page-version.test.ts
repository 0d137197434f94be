import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshComparison } from "@/lib/compare/cache";
import { editEvent, hideEvent, mergeEvents, moveArticle } from "@/lib/curation/mutations";
import { editSource } from "@/lib/source-admin/mutations";
import { eventPageMatch, eventPageVersion } from "@/lib/events/page-version";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";

// The page cache serves a stored render while this version is unchanged, so every change a reader could see on
// the event page must move it. Each case below is a write path the site or the pipeline really takes.
describe("eventPageVersion", () => {
  let t: Awaited<ReturnType<typeof tempDatabase>>;
  let userId: number;
  let sourceId: number;
  let eventId: number;
  let otherId: number;
  let articleIds: number[];

  beforeAll(async () => {
    t = await tempDatabase();
    userId = (await t.db.user.create({ data: { email: "e@example.org", passwordHash: "x", role: "editor" } })).id;
    sourceId = (await addSource(t.db, "Daily One", "one.example", "GB")).id;
    const other = await addSource(t.db, "Daily Two", "two.example", "FR");
    const day = new Date("2026-11-20T10:00:00Z");
    const a = await addArticle(t.db, { title: "Talks end after three hours", sourceId, publishedAt: day });
    const b = await addArticle(t.db, { title: "Three-hour talks end", sourceId: other.id, publishedAt: day });
    const c = await addArticle(t.db, { title: "Unrelated harvest report", sourceId: other.id, publishedAt: day });
    articleIds = [a.id, b.id];
    eventId = (
      await addEvent(t.db, { title: "Talks end", firstSeenAt: day, lastSeenAt: day, articleIds, sourceCount: 2 })
    ).id;
    otherId = (
      await addEvent(t.db, { title: "Harvest", firstSeenAt: day, lastSeenAt: day, articleIds: [c.id], sourceCount: 1 })
    ).id;
    await refreshComparison(t.db, eventId);
    await refreshComparison(t.db, otherId);
  });
  afterAll(() => t?.cleanup());

  const version = () => eventPageVersion(t.db, eventId);

  it("is stable while nothing changes", async () => {
    const v = await version();
    expect(v).toMatch(/^[0-9a-f]{32}$/);
    expect(await version()).toBe(v);
  });

  it("moves when an editor edits the event's title or hides it", async () => {
    let before = await version();
    await editEvent(t.db, { eventId, title: "Talks end after three hours", summary: null }, userId);
    expect(await version()).not.toBe(before);
    before = await version();
    await hideEvent(t.db, { eventId, hidden: true }, userId);
    expect(await version()).not.toBe(before);
  });

  it("moves when an outlet's metadata or an article's text changes", async () => {
    let before = await version();
    await editSource(
      t.db,
      {
        sourceId,
        name: "The Daily One",
        country: "IE",
        language: null,
        kind: null,
        lean: null,
        homepage: null,
        ownership: null,
      },
      userId,
    );
    expect(await version()).toBeNull(); // the stored comparison names the old outlet: the render rebuilds it
    await refreshComparison(t.db, eventId);
    expect(await version()).not.toBe(before);
    before = await version();
    await t.db.article.update({
      where: { id: articleIds[0] },
      data: { text: "Talks ended after three hours on Friday." },
    });
    await refreshComparison(t.db, eventId);
    expect(await version()).not.toBe(before);
  });

  it("moves when articles come or go, and is null for merged or missing events", async () => {
    const before = await version();
    await moveArticle(t.db, { articleId: articleIds[1], toEventId: otherId }, userId);
    await refreshComparison(t.db, eventId);
    expect(await version()).not.toBe(before);
    await mergeEvents(t.db, { fromEventId: otherId, intoEventId: eventId }, userId);
    expect(await eventPageVersion(t.db, otherId)).toBeNull();
    expect(await eventPageVersion(t.db, 999_999)).toBeNull();
  });

  it("matches only /events/<id> with a well-formed id", async () => {
    expect(eventPageMatch(t.db, new URL(`http://x/events/${eventId}`))).not.toBeNull();
    for (const path of ["/events/01", "/events/1e3", "/events/1/x", "/events", "/articles/1"]) {
      expect(eventPageMatch(t.db, new URL(`http://x${path}`)), path).toBeNull();
    }
  });
});

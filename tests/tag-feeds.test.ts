// Tag feeds end to end on a real database: an event tagged through lib/tags/mutations appears in its tag's RSS,
// Atom and JSON feeds (parsed back with rss-parser and a strict XML validator), newest coverage first, with
// conditional GETs; the OPML list of tag feeds validates and reads back; the search tag filter matches by slug.
import { XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { addArticle, addEvent, addSource } from "@/tests/support/db-fixtures";
import { parseOpml } from "@/lib/opml";
import { getSearchIndex } from "@/lib/search";
import { handleSourcesOpml, handleTagFeed, handleTagsOpml } from "@/lib/syndication/api";
import { feedPath } from "@/lib/syndication/paths";
import { createTag, mergeTags, renameTag, tagEvent } from "@/lib/tags/mutations";
import { createTempDb } from "./support/temp-db";

const BASE = "https://parallax.example";
const HOSTILE = `Talks & <b>"truce"</b>`;

let db: Db;
let cleanup: () => Promise<void>;
let userId: number;
const ids: Record<string, number> = {};
const parser = new Parser();

const tagFeed = (slug: string, format: string, headers: HeadersInit = {}) =>
  handleTagFeed(
    new Request(`http://internal.test/feeds/tags/${slug}.${format}`, { headers }),
    { slug: `${slug}.${format}` },
    db,
  );
const opml = (headers: HeadersInit = {}) =>
  handleTagsOpml(new Request("http://internal.test/feeds/tags.opml", { headers }), db);

beforeAll(async () => {
  process.env.PUBLIC_URL = BASE;
  ({ db, cleanup } = await createTempDb());
  userId = (await createUser(db, { email: "ed@example.org", password: "editor password 1", role: "editor" })).id;
  const wire = await addSource(db, "Good Wire", "good.example");
  const daily = await addSource(db, "Daily", "daily.example");
  const hour = 3_600_000;
  const now = Date.now();
  const event = async (title: string, hoursAgo: number, text: string) => {
    const a = await addArticle(db, { title, text, sourceId: wire.id, publishedAt: new Date(now - hoursAgo * hour) });
    const b = await addArticle(db, {
      title: `${title}, again`,
      text,
      sourceId: daily.id,
      publishedAt: new Date(now - hoursAgo * hour),
    });
    const seen = new Date(now - hoursAgo * hour);
    return (
      await addEvent(db, { title, firstSeenAt: seen, lastSeenAt: seen, sourceCount: 2, articleIds: [a.id, b.id] })
    ).id;
  };
  ids.old = await event("Glacier retreat measured", 48, "The glacier retreated further this year.");
  ids.recent = await event(HOSTILE, 2, "Negotiators discussed the glacier treaty and a truce.");
  ids.untagged = await event("Harbour reopens", 1, "The glacier harbour reopened after the storm.");
  ids.hidden = await event("Hidden story", 3, "A glacier story an editor hid.");
  await db.event.update({ where: { id: ids.hidden }, data: { hidden: true } });
  const tag = await createTag(db, { name: "Climate: ice", description: null }, userId);
  ids.tag = tag.id;
  for (const eventId of [ids.old, ids.recent, ids.hidden]) await tagEvent(db, { eventId, tagId: tag.id }, userId);
  ids.empty = (await createTag(db, { name: "Ünïcode tag", description: "Nothing here yet" }, userId)).id;
});

afterAll(async () => {
  delete process.env.PUBLIC_URL;
  await cleanup?.();
});

describe("tag feeds", () => {
  it("serves the tagged, visible events as valid RSS, newest coverage first", async () => {
    const res = await tagFeed("climate-ice", "rss");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).not.toContain("<b>");
    const feed = await parser.parseString(body);
    expect(feed.title).toBe("Parallax: Climate: ice");
    expect(feed.link).toBe(`${BASE}/tags/climate-ice`);
    expect(feed.items.map((i) => i.link)).toEqual([`${BASE}/events/${ids.recent}`, `${BASE}/events/${ids.old}`]);
    expect(feed.items[0]!.title).toBe(HOSTILE);
    expect(feed.items[0]!.guid).toBe(`tag:parallax.example,2026:event/${ids.recent}`);
  });

  it("serves Atom and JSON Feed with self links to the tag feed", async () => {
    const atom = await (await tagFeed("climate-ice", "atom")).text();
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).toContain(`href="${BASE}/feeds/tags/climate-ice.atom"`);
    expect((await parser.parseString(atom)).items).toHaveLength(2);
    const json = await (await tagFeed("climate-ice", "json")).json();
    expect(json.feed_url).toBe(`${BASE}/feeds/tags/climate-ice.json`);
    expect(json.items.map((i: { url: string }) => i.url)).toEqual([
      `${BASE}/events/${ids.recent}`,
      `${BASE}/events/${ids.old}`,
    ]);
  });

  it("picks up an event as soon as it is tagged", async () => {
    await tagEvent(db, { eventId: ids.untagged!, tagId: ids.tag! }, userId);
    const feed = await parser.parseString(await (await tagFeed("climate-ice", "rss")).text());
    expect(feed.items[0]!.link).toBe(`${BASE}/events/${ids.untagged}`);
    expect(feed.items).toHaveLength(3);
    await db.eventTag.delete({ where: { eventId_tagId: { eventId: ids.untagged!, tagId: ids.tag! } } });
  });

  it("answers 304 to a matching ETag and 200 once the feed changed", async () => {
    const first = await tagFeed("climate-ice", "rss");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await tagFeed("climate-ice", "rss", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await db.event.update({ where: { id: ids.old }, data: { title: "Glacier retreat measured again" } });
    expect((await tagFeed("climate-ice", "rss", { "If-None-Match": etag })).status).toBe(200);
  });

  it("serves an empty feed for a tag without events, by a non-ASCII slug", async () => {
    const path = feedPath({ kind: "tag", slug: "unicode-tag" }, "rss");
    expect(path).toBe("/feeds/tags/unicode-tag.rss");
    const feed = await parser.parseString(await (await tagFeed("unicode-tag", "rss")).text());
    expect(feed.items).toEqual([]);
    expect(feed.description).toBe("Nothing here yet");
  });

  it("finds a slug in another script whether the route hands it over encoded or decoded", async () => {
    const tag = await createTag(db, { name: "Київ", description: null }, userId);
    // slugify drops diacritics: ї becomes і.
    expect(tag.slug).toBe("киів");
    await tagEvent(db, { eventId: ids.old!, tagId: tag.id }, userId);
    for (const slug of ["киів", encodeURIComponent("киів")]) {
      const json = await (await tagFeed(slug, "json")).json();
      expect(json.feed_url).toBe(`${BASE}/feeds/tags/${encodeURIComponent("киів")}.json`);
      expect(json.items).toHaveLength(1);
    }
    await db.tag.delete({ where: { id: tag.id } });
  });

  it("404s an unknown tag and a malformed name", async () => {
    expect((await tagFeed("no-such-tag", "rss")).status).toBe(404);
    expect((await tagFeed("climate-ice", "xml")).status).toBe(404);
    expect((await tagFeed("../etc", "rss")).status).toBe(404);
  });

  it("keeps a renamed or merged tag's old feed URLs working: they redirect permanently to the current feed", async () => {
    const tag = await createTag(db, { name: "Sea ice", description: null }, userId);
    await tagEvent(db, { eventId: ids.old, tagId: tag.id }, userId);
    await renameTag(db, { tagId: tag.id, name: "Polar sea ice" }, userId);
    await renameTag(db, { tagId: tag.id, name: "Arctic sea ice" }, userId);
    for (const old of ["sea-ice", "polar-sea-ice"]) {
      const response = await tagFeed(old, "atom");
      expect(response.status).toBe(308);
      expect(response.headers.get("location")).toBe(
        `http://internal.test${feedPath({ kind: "tag", slug: "arctic-sea-ice" }, "atom")}`,
      );
    }
    expect((await tagFeed("arctic-sea-ice", "rss")).status).toBe(200);

    // Merged away: its slugs, old and current, now lead to the survivor.
    const into = await createTag(db, { name: "Cryosphere", description: null }, userId);
    await mergeTags(db, { fromTagId: tag.id, intoTagId: into.id }, userId);
    for (const old of ["sea-ice", "arctic-sea-ice"]) {
      expect((await tagFeed(old, "rss")).headers.get("location")).toMatch(/\/feeds\/tags\/cryosphere\.rss$/);
    }
    const feed = await parser.parseString(await (await tagFeed("cryosphere", "rss")).text());
    expect(feed.items.map((i) => i.link)).toEqual([`${BASE}/events/${ids.old}`]);

    // A new tag may take an old name back: the live tag wins over the alias.
    const reborn = await createTag(db, { name: "Sea ice", description: null }, userId);
    expect((await tagFeed("sea-ice", "rss")).status).toBe(200);
    await db.tag.deleteMany({ where: { id: { in: [into.id, reborn.id] } } });
    expect((await tagFeed("arctic-sea-ice", "rss")).status).toBe(404); // aliases go with their tag
  });
});

describe("OPML of tag feeds", () => {
  it("is valid XML listing every tag's RSS feed, and reads back", async () => {
    const res = await opml();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const doc = parseOpml(body);
    expect(doc.title).toBe("Parallax: tag feeds");
    expect(doc.feeds.map((f) => [f.title, f.xmlUrl, f.htmlUrl])).toEqual([
      ["Parallax: Climate: ice", `${BASE}/feeds/tags/climate-ice.rss`, `${BASE}/tags/climate-ice`],
      ["Parallax: Ünïcode tag", `${BASE}/feeds/tags/unicode-tag.rss`, `${BASE}/tags/unicode-tag`],
    ]);
    expect((await opml({ "If-None-Match": res.headers.get("etag")! })).status).toBe(304);
  });
});

describe("search by tag", () => {
  it("filters by the tag's slug and leaves out hidden events", async () => {
    const index = getSearchIndex(db);
    const all = await index.query({ q: "glacier", limit: 10, offset: 0 });
    expect(all.hits.map((h) => h.eventId).sort()).toEqual([ids.old, ids.recent, ids.untagged].sort());
    const tagged = await index.query({ q: "glacier", tag: "climate-ice", limit: 10, offset: 0 });
    expect(tagged.hits.map((h) => h.eventId).sort()).toEqual([ids.old, ids.recent].sort());
    expect((await index.query({ q: "glacier", tag: "unicode-tag", limit: 10, offset: 0 })).total).toBe(0);
    expect((await index.query({ q: "glacier", tag: "nothing", limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe("the source list as OPML", () => {
  it("lists every outlet's feeds, validates, and answers a repeat request with 304", async () => {
    const outlet = await addSource(db, "Harbour Herald", "herald.example");
    await db.feed.create({ data: { url: "https://herald.example/rss.xml", sourceId: outlet.id } });
    const get = (headers: Record<string, string> = {}) =>
      handleSourcesOpml(new Request(`${BASE}/feeds/sources.opml`, { headers }), db);
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    expect(parseOpml(body).feeds.map((f) => f.xmlUrl)).toContain("https://herald.example/rss.xml");
    expect((await get({ "If-None-Match": res.headers.get("etag")! })).status).toBe(304);
  });

  it("stamps the document with the list's last change, so its ETag does not move with the clock", async () => {
    const changed = new Date("2024-03-01T10:00:00Z");
    await db.feed.updateMany({ data: { updatedAt: changed } });
    await db.source.updateMany({ data: { updatedAt: changed } });
    const res = await handleSourcesOpml(new Request(`${BASE}/feeds/sources.opml`), db);
    const body = await res.text();
    expect(body).toContain(`<dateCreated>${changed.toUTCString()}</dateCreated>`);
    expect(res.headers.get("last-modified")).toBe(changed.toUTCString());
  });
});

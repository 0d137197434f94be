// Output feeds (RSS, Atom, JSON Feed) end to end: handlers on a real database, every body parsed back by
// rss-parser, a strict XML validator and a zod JSON Feed schema; escaping of hostile text; conditional requests.
import { XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { addArticle, addEvent, addSource } from "@/tests/support/db-fixtures";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { handleEventFeed, handleNamedFeed, handleSourceFeed } from "@/lib/syndication/api";
import { createTempDb } from "@/tests/support/temp-db";
import { seedFiles } from "@/tests/support/shared";

const BASE = "https://parallax.example/news";
const XSS_TITLE = `<script>alert("t")</script> Talks & "truce" in O'Hare]]>`;
const XSS_TEXT = `<script>alert('body')</script><img src=x onerror=alert(1)> First paragraph \u0001with a control char and 🇺🇦.\n\nSecond.`;
const XSS_OUTLET = `Evil <b>News</b> & Co`;

let db: Db;
let cleanup: () => Promise<void>;
const ids: Record<string, number> = {};
const parser = new Parser({ customFields: { item: ["summary"] } });

type Handler = (request: Request, params: unknown, db?: Db) => Promise<Response>;
function get(handler: Handler, path: string, params: Record<string, string>, headers: HeadersInit = {}) {
  return handler(new Request(`http://internal.test${path}`, { headers }), params, db);
}
const top = (format: string, headers?: HeadersInit) =>
  get(handleNamedFeed, `/feeds/top.${format}`, { feed: `top.${format}` }, headers);
const eventFeed = (id: number | string, format: string, headers?: HeadersInit) =>
  get(handleEventFeed, `/feeds/events/${id}.${format}`, { id: `${id}.${format}` }, headers);
const sourceFeed = (domain: string, format: string) =>
  get(handleSourceFeed, `/feeds/sources/${domain}.${format}`, { domain: `${domain}.${format}` });
const searchFeed = (qs: string, format: string) =>
  get(handleNamedFeed, `/feeds/search.${format}?${qs}`, { feed: `search.${format}` });

const jsonFeedSchema = z.object({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string(),
  home_page_url: z.url(),
  feed_url: z.url(),
  items: z.array(
    z.object({
      id: z.string().min(1),
      url: z.url(),
      title: z.string(),
      summary: z.string(),
      content_text: z.string(),
      content_html: z.string(),
      date_published: z.iso.datetime(),
      date_modified: z.iso.datetime(),
      tags: z.array(z.string()),
      authors: z.array(z.object({ name: z.string() })).optional(),
      _parallax: z.object({ outlets: z.array(z.object({ name: z.string(), domain: z.string() })) }),
    }),
  ),
});

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Parses an RSS or Atom body strictly and with rss-parser; asserts there is no live markup in it. */
async function parseXmlFeed(res: Response) {
  const body = await res.text();
  expect(XMLValidator.validate(body)).toBe(true);
  expect(body).not.toMatch(/<script|<img|<b>/i);
  expect(body).not.toContain("\u0001");
  expect(body).not.toContain("CDATA");
  return { body, feed: await parser.parseString(body) };
}

beforeAll(async () => {
  process.env.PUBLIC_URL = `${BASE}/`;
  const temp = await createTempDb();
  ({ db, cleanup } = temp);
  const evil = await addSource(db, XSS_OUTLET, "evil.example");
  const good = await addSource(db, "Good Wire", "good.example");
  const now = Date.now();
  const a1 = await addArticle(db, {
    title: XSS_TITLE,
    text: XSS_TEXT,
    sourceId: evil.id,
    publishedAt: new Date(now - 7_200_000),
  });
  const a2 = await addArticle(db, {
    title: "Truce talks continue",
    text: "Negotiators met again on the truce.",
    sourceId: good.id,
    publishedAt: new Date(now - 3_600_000),
  });
  ids.a1 = a1.id;
  ids.a2 = a2.id;
  ids.xss = (
    await addEvent(db, {
      title: XSS_TITLE,
      summary: `Summary with <script>x</script> & more`,
      firstSeenAt: new Date(now - 7_200_000),
      lastSeenAt: new Date(now - 3_600_000),
      sourceCount: 2,
      articleIds: [a1.id, a2.id],
    })
  ).id;
  const a3 = await addArticle(db, {
    title: "Harbour reopens",
    sourceId: good.id,
    publishedAt: new Date(now - 86_400_000),
  });
  ids.plain = (
    await addEvent(db, {
      title: "Harbour reopens after storm",
      firstSeenAt: new Date(now - 86_400_000),
      lastSeenAt: new Date(now - 86_400_000),
      sourceCount: 1,
      articleIds: [a3.id],
    })
  ).id;
  ids.merged = (
    await addEvent(db, {
      title: "Old duplicate",
      firstSeenAt: new Date(now),
      lastSeenAt: new Date(now),
      sourceCount: 0,
      articleIds: [],
      mergedIntoId: ids.xss,
    })
  ).id;
  await ingestInputs(seedFiles(), { db });
});

afterAll(async () => {
  delete process.env.PUBLIC_URL;
  await cleanup?.();
});

describe("RSS 2.0", () => {
  it("serves the top events as valid RSS with escaped text, RFC 822 dates and tag: GUIDs", async () => {
    const res = await top("rss");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const { body, feed } = await parseXmlFeed(res);
    expect(feed.title).toBe("Parallax: top events");
    expect(feed.link).toBe(`${BASE}/`);
    const item = feed.items.find((i) => i.link === `${BASE}/events/${ids.xss}`);
    expect(item?.title).toBe(XSS_TITLE);
    expect(item?.guid).toBe(`tag:parallax.example,2026:event/${ids.xss}`);
    expect(item?.pubDate).toMatch(RFC822);
    // rss-parser gives categories with attributes as { _: text, $: attributes }.
    const categories = (item?.categories ?? []) as unknown as { _: string; $: { domain: string } }[];
    expect(categories.map((c) => [c._, c.$.domain])).toEqual([
      [XSS_OUTLET, "https://evil.example/"],
      ["Good Wire", "https://good.example/"],
    ]);
    // The description is HTML carried as text: once decoded, the hostile markup is still escaped.
    expect(item?.content).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(item?.content).not.toContain("<script");
    expect(body).toMatch(/<lastBuildDate>[^<]+GMT<\/lastBuildDate>/);
  });

  it("lists an event's articles newest first, linking into the event page", async () => {
    const { feed } = await parseXmlFeed(await eventFeed(ids.xss, "rss"));
    expect(feed.items.map((i) => i.guid)).toEqual([
      `tag:parallax.example,2026:article/${ids.a2}`,
      `tag:parallax.example,2026:article/${ids.a1}`,
    ]);
    expect(feed.items[1].link).toBe(`${BASE}/events/${ids.xss}#article-${ids.a1}`);
    expect(feed.items[1].title).toBe(`${XSS_TITLE} (${XSS_OUTLET})`);
    expect(feed.items[1].content).toContain("🇺🇦");
  });

  it("serves a source's articles", async () => {
    const { feed } = await parseXmlFeed(await sourceFeed("good.example", "rss"));
    expect(feed.title).toBe("Parallax: Good Wire");
    expect(feed.items.map((i) => i.title)).toEqual(["Truce talks continue (Good Wire)", "Harbour reopens (Good Wire)"]);
  });
});

describe("Atom 1.0", () => {
  it.each([
    ["top", () => top("atom")],
    ["event", () => eventFeed(ids.xss, "atom")],
    ["source", () => sourceFeed("evil.example", "atom")],
    ["search", () => searchFeed("q=truce", "atom")],
  ])("serves the %s feed as valid Atom with RFC 3339 dates", async (_name, fetchFeed) => {
    const res = await fetchFeed();
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const { body, feed } = await parseXmlFeed(res);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect((item as { id?: string }).id).toMatch(/^tag:parallax\.example,2026:(event|article)\/\d+$/);
      expect(item.link?.startsWith(`${BASE}/`)).toBe(true);
    }
    for (const [, date] of body.matchAll(/<(?:updated|published)>([^<]+)</g)) expect(date).toMatch(RFC3339);
    expect(body).toContain(`rel="self" type="application/atom+xml"`);
  });

  it("keeps hostile titles as text", async () => {
    const { feed } = await parseXmlFeed(await eventFeed(ids.xss, "atom"));
    expect(feed.title).toBe(`Parallax: ${XSS_TITLE}`);
    expect(feed.items.some((i) => i.title === `${XSS_TITLE} (${XSS_OUTLET})`)).toBe(true);
  });
});

describe("JSON Feed 1.1", () => {
  it.each([
    ["top", () => top("json")],
    ["event", () => eventFeed(ids.xss, "json")],
    ["source", () => sourceFeed("good.example", "json")],
    ["search", () => searchFeed("q=truce&outlet=good.example", "json")],
  ])("serves the %s feed matching the schema", async (_name, fetchFeed) => {
    const res = await fetchFeed();
    expect(res.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = jsonFeedSchema.parse(await res.json());
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.date_published).toMatch(RFC3339);
      expect(item.content_html).not.toMatch(/<script|<img/i);
    }
  });

  it("carries the outlets and the raw title as data", async () => {
    const feed = jsonFeedSchema.parse(await (await top("json")).json());
    const item = feed.items.find((i) => i.url === `${BASE}/events/${ids.xss}`);
    expect(item?.title).toBe(XSS_TITLE);
    expect(item?._parallax.outlets).toEqual([
      { name: XSS_OUTLET, domain: "evil.example" },
      { name: "Good Wire", domain: "good.example" },
    ]);
    expect(item?.content_html).toContain("Evil &lt;b&gt;News&lt;/b&gt; &amp; Co");
  });
});

describe("search feeds", () => {
  it("finds the seeds by Witkoff, with the query in the self link", async () => {
    const { feed } = await parseXmlFeed(await searchFeed("q=Witkoff", "rss"));
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items[0].content?.toLowerCase()).toContain("witkoff");
    const json = jsonFeedSchema.parse(await (await searchFeed("q=Witkoff", "json")).json());
    expect(json.feed_url).toBe(`${BASE}/feeds/search.json?q=Witkoff`);
  });

  it("applies the outlet filter", async () => {
    const all = jsonFeedSchema.parse(await (await searchFeed("q=truce", "json")).json());
    expect(all.items.map((i) => i.url)).toEqual([`${BASE}/events/${ids.xss}`]);
    const none = jsonFeedSchema.parse(await (await searchFeed("q=truce&outlet=nobody.example", "json")).json());
    expect(none.items).toEqual([]);
  });

  it.each([`%22`, `*`, `NEAR(`, `AND%20OR`, `%22truce`, `truce%22%20NEAR(`, `%00`])(
    "answers q=%s without an error",
    async (q) => {
      const res = await searchFeed(`q=${q}`, "rss");
      expect(res.status).toBe(200);
      await parseXmlFeed(res);
    },
  );

  it("400s without a query", async () => {
    expect((await searchFeed("q=", "rss")).status).toBe(400);
    expect((await searchFeed("", "json")).status).toBe(400);
  });
});

describe("conditional requests", () => {
  it("answers 304 to a matching If-None-Match and 200 to a stale one", async () => {
    const first = await eventFeed(ids.xss, "rss");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const again = await eventFeed(ids.xss, "rss", { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await eventFeed(ids.xss, "rss", { "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);
    expect((await eventFeed(ids.xss, "rss", { "If-None-Match": `"stale"` })).status).toBe(200);
    // Each format is its own representation.
    expect((await eventFeed(ids.xss, "atom", { "If-None-Match": etag! })).status).toBe(200);
  });

  it("answers 304 to If-Modified-Since at or after Last-Modified", async () => {
    const first = await top("atom");
    const lastModified = first.headers.get("last-modified")!;
    expect(lastModified).toMatch(RFC822);
    expect((await top("atom", { "If-Modified-Since": lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await top("atom", { "If-Modified-Since": earlier })).status).toBe(200);
    expect((await top("atom", { "If-Modified-Since": "garbage" })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await top("atom", { "If-Modified-Since": lastModified, "If-None-Match": `"stale"` })).status).toBe(200);
  });

  it("changes the ETag when new coverage arrives", async () => {
    const before = (await eventFeed(ids.plain, "json")).headers.get("etag");
    const src = await db.source.findUniqueOrThrow({ where: { domain: "evil.example" } });
    const a = await addArticle(db, { title: "Harbour: a second view", sourceId: src.id, publishedAt: new Date() });
    await db.eventArticle.create({ data: { articleId: a.id, eventId: ids.plain, similarity: 0.9 } });
    const after = await eventFeed(ids.plain, "json", { "If-None-Match": before! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    const feed = jsonFeedSchema.parse(await after.json());
    expect(feed.items[0].title).toBe(`Harbour: a second view (${XSS_OUTLET})`);
  });
});

describe("errors and redirects", () => {
  it("308s a merged event's feed to the survivor's", async () => {
    const res = await eventFeed(ids.merged, "atom");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`http://internal.test/feeds/events/${ids.xss}.atom`);
  });

  it("404s unknown events, sources, formats and malformed names", async () => {
    expect((await eventFeed(987654, "rss")).status).toBe(404);
    expect((await sourceFeed("unknown.example", "rss")).status).toBe(404);
    expect((await get(handleEventFeed, "/x", { id: `${ids.xss}.xml` })).status).toBe(404);
    expect((await get(handleEventFeed, "/x", { id: "0.rss" })).status).toBe(404);
    expect((await get(handleEventFeed, "/x", { id: "99999999999.rss" })).status).toBe(404);
    expect((await get(handleSourceFeed, "/x", { domain: "%E0%A4%A.rss" })).status).toBe(404);
    expect((await get(handleSourceFeed, "/x", { domain: "rss" })).status).toBe(404);
    expect((await get(handleNamedFeed, "/x", { feed: "bottom.rss" })).status).toBe(404);
  });

  it("accepts a source domain in any case", async () => {
    expect((await sourceFeed("GOOD.example", "rss")).status).toBe(200);
  });
});

// The events API's route handlers, called directly with Request objects against a temporary database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventDetailJsonSchema, eventListJsonSchema } from "@/lib/events/schema";
import { apiErrorSchema } from "@/lib/http/schema";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";

let cleanup: () => Promise<void>;
let listGET: (req: Request) => Promise<Response>;
let detailGET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const ids: Record<string, number> = {};

const base = "http://parallax.test";
const detail = (id: string) => detailGET(new Request(`${base}/api/events/${id}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const temp = await tempDatabase();
  cleanup = temp.cleanup;
  const { db } = temp;
  const a = await addSource(db, "Outlet A", "a.example", "FR");
  const b = await addSource(db, "Outlet B", "b.example");
  const now = Date.now();
  for (let i = 0; i < 3; i++) {
    const x = await addArticle(db, { title: `A${i}`, sourceId: a.id, publishedAt: new Date(now - i * 3_600_000) });
    const y = await addArticle(db, { title: `B${i}`, sourceId: b.id, publishedAt: new Date(now - i * 3_600_000) });
    const at = new Date(now - i * 3_600_000);
    ids[`e${i}`] = (
      await addEvent(db, {
        title: `Event ${i}`,
        firstSeenAt: at,
        lastSeenAt: at,
        sourceCount: 2,
        articleIds: [x.id, y.id],
      })
    ).id;
  }
  ids.merged = (
    await addEvent(db, {
      title: "Merged",
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
      sourceCount: 0,
      articleIds: [],
      mergedIntoId: ids.e1,
    })
  ).id;
  // The handlers use the process-wide client, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = temp.url;
  listGET = (await import("@/app/api/events/route")).GET;
  detailGET = (await import("@/app/api/events/[id]/route")).GET;
});

afterAll(async () => {
  await cleanup?.();
});

describe("GET /api/events", () => {
  it("returns ranked events with the documented defaults", async () => {
    const res = await listGET(new Request(`${base}/api/events`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = eventListJsonSchema.parse(await res.json());
    expect(body).toMatchObject({ total: 3, limit: 20, offset: 0 });
    expect(body.events.map((e) => e.title)).toEqual(["Event 0", "Event 1", "Event 2"]);
    expect(body.events[0].sources).toEqual([
      { name: "Outlet A", domain: "a.example", country: "FR" },
      { name: "Outlet B", domain: "b.example", country: null },
    ]);
  });

  it("honours limit and offset", async () => {
    const res = await listGET(new Request(`${base}/api/events?limit=1&offset=2`));
    const body = eventListJsonSchema.parse(await res.json());
    expect(body.events.map((e) => e.title)).toEqual(["Event 2"]);
  });

  it.each(["limit=0", "limit=101", "limit=abc", "offset=-1", "limit=1e1", "offset=1.5", "limit="])(
    "rejects %s with a 400 and the issues",
    async (query) => {
      const res = await listGET(new Request(`${base}/api/events?${query}`));
      expect(res.status).toBe(400);
      const body = apiErrorSchema.parse(await res.json());
      expect(body.issues?.length).toBeGreaterThan(0);
      expect(["limit", "offset"]).toContain(body.issues?.[0].path[0]);
    },
  );
});

describe("GET /api/events/:id", () => {
  it("returns the event with its articles", async () => {
    const res = await detail(String(ids.e0));
    expect(res.status).toBe(200);
    const body = eventDetailJsonSchema.parse(await res.json());
    expect(body.id).toBe(ids.e0);
    expect(body.url).toBe(`/events/${ids.e0}`);
    expect(body.articles.map((a) => a.title).sort()).toEqual(["A0", "B0"]);
    expect(body.articles[0].text).toMatch(/^Body of/);
  });

  it("404s with a JSON error for a missing event", async () => {
    const res = await detail("987654");
    expect(res.status).toBe(404);
    expect(apiErrorSchema.parse(await res.json()).error).toMatch(/not found/i);
  });

  it("400s for an id that is not a positive integer", async () => {
    for (const id of ["0", "-3", "abc", "1e3"]) {
      const res = await detail(id);
      expect(res.status, id).toBe(400);
    }
  });

  it("308-redirects a merged event to the survivor", async () => {
    const res = await detail(String(ids.merged));
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`${base}/api/events/${ids.e1}`);
  });
});

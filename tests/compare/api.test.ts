// GET /api/events/[id]/comparison, called directly with Request objects against a temporary database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";
import { apiErrorSchema } from "@/lib/http/schema";
import { comparisonResponseSchema } from "@/lib/compare/schema";

let cleanup: () => Promise<void>;
let GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const ids: Record<string, number> = {};
const base = "http://parallax.test";
const call = (id: string) =>
  GET(new Request(`${base}/api/events/${id}/comparison`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const temp = await tempDatabase();
  cleanup = temp.cleanup;
  const { db } = temp;
  const a = await addSource(db, "Outlet A", "a.example", "FR");
  const b = await addSource(db, "Outlet B", "b.example", "DE");
  const at = new Date("2025-04-25T12:00:00Z");
  const x = await addArticle(db, {
    title: "Envoy meets president for three hours",
    text: "The envoy met the president in Moscow for three hours on Friday. Aides called the talks constructive.",
    sourceId: a.id,
    publishedAt: at,
  });
  const y = await addArticle(db, {
    title: "Three-hour meeting in Moscow",
    text: "The president and the envoy held a three-hour meeting in Moscow on Friday. Oil prices rose sharply in Asia.",
    sourceId: b.id,
    publishedAt: at,
  });
  ids.x = x.id;
  ids.event = (
    await addEvent(db, { title: "Meeting", firstSeenAt: at, lastSeenAt: at, sourceCount: 2, articleIds: [x.id, y.id] })
  ).id;
  // An outlet with articles elsewhere but none in this event.
  const c = await addSource(db, "Outlet C", "c.example");
  const z = await addArticle(db, { title: "Moscow weather", sourceId: c.id, publishedAt: at });
  await addEvent(db, { title: "Moscow weather", firstSeenAt: at, lastSeenAt: at, sourceCount: 1, articleIds: [z.id] });
  ids.merged = (
    await addEvent(db, {
      title: "Merged",
      firstSeenAt: at,
      lastSeenAt: at,
      sourceCount: 0,
      articleIds: [],
      mergedIntoId: ids.event,
    })
  ).id;
  process.env.DATABASE_URL = temp.url;
  GET = (await import("@/app/api/events/[id]/comparison/route")).GET;
});

afterAll(async () => {
  await cleanup?.();
});

describe("GET /api/events/[id]/comparison", () => {
  it("returns the comparison of an event", async () => {
    const res = await call(String(ids.event));
    expect(res.status).toBe(200);
    const body = comparisonResponseSchema.parse(await res.json());
    expect(body.eventId).toBe(ids.event);
    expect(body.comparison.outletCount).toBe(2);
    const meeting = body.comparison.shared.find((g) => g.sentences.some((s) => /three hours/.test(s.text)));
    expect(meeting?.outletCount).toBe(2);
  });

  it("serves the same cached comparison on the next request", async () => {
    const first = comparisonResponseSchema.parse(await (await call(String(ids.event))).json());
    const second = comparisonResponseSchema.parse(await (await call(String(ids.event))).json());
    expect(second.computedAt).toBe(first.computedAt);
    expect(second.version).toBe(first.version);
  });

  it("rebuilds the comparison when an article of the event changes", async () => {
    const before = comparisonResponseSchema.parse(await (await call(String(ids.event))).json());
    const { db } = await import("@/lib/db").then((m) => ({ db: m.getDb() }));
    await db.article.update({
      where: { id: ids.x },
      data: { text: "The envoy met the president in Moscow for three hours on Friday." },
    });
    const after = comparisonResponseSchema.parse(await (await call(String(ids.event))).json());
    expect(after.version).not.toBe(before.version);
    expect(after.comparison.articles.find((a) => a.id === ids.x)?.sentences).toHaveLength(1);
  });

  it("lists active outlets that did not cover the event", async () => {
    const body = comparisonResponseSchema.parse(await (await call(String(ids.event))).json());
    expect(body.comparison.coverage.notCoveredBy.map((o) => o.domain)).toEqual(["c.example"]);
  });

  it.each(["abc", "0", "-1", "1e3", " 7"])("answers 400 for the id %j", async (id) => {
    const res = await call(id);
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error).toBe("Invalid event id");
  });

  it("answers 404 JSON for a missing event", async () => {
    const res = await call("999999");
    expect(res.status).toBe(404);
    expect(apiErrorSchema.parse(await res.json())).toEqual({ error: "Event not found" });
  });

  it("redirects a merged event to the survivor's comparison", async () => {
    const res = await call(String(ids.merged));
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`${base}/api/events/${ids.event}/comparison`);
  });
});

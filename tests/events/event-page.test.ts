// The event page reads the event, its members and its comparison once per render: on a page-cache miss of a big
// event the member list (every article's text) is most of the work, so a second read of it doubles the cost.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { refreshComparison } from "@/lib/compare/cache";
import type { Db } from "@/lib/db";
import { eventPageVersion } from "@/lib/events/page-version";
import { addArticle, addEvent, addSource, tempDatabase } from "@/tests/support/db-fixtures";
import { loggedDb, readsOf } from "@/tests/support/query-log";

// The page reads through the process-wide client; this hands it one that records its statements.
const logged = vi.hoisted(() => ({ db: undefined as unknown as Db, statements: [] as string[] }));
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  getDb: () => logged.db,
}));

const { default: EventPage, generateMetadata } = await import("@/app/events/[id]/page");

let cleanup: () => Promise<void>;
let eventId: number;
const props = () => ({ params: Promise.resolve({ id: String(eventId) }), searchParams: Promise.resolve({}) });

beforeAll(async () => {
  const temp = await tempDatabase();
  const a = await addSource(temp.db, "Outlet A", "a.example", "FR");
  const b = await addSource(temp.db, "Outlet B", "b.example", "DE");
  const at = new Date("2025-04-25T12:00:00Z");
  const x = await addArticle(temp.db, {
    title: "Envoy meets president",
    text: "The envoy met the president in Moscow on Friday.",
    sourceId: a.id,
    publishedAt: at,
  });
  const y = await addArticle(temp.db, {
    title: "Meeting in Moscow",
    text: "The president and the envoy met in Moscow on Friday.",
    sourceId: b.id,
    publishedAt: at,
  });
  eventId = (
    await addEvent(temp.db, {
      title: "Meeting",
      firstSeenAt: at,
      lastSeenAt: at,
      sourceCount: 2,
      articleIds: [x.id, y.id],
    })
  ).id;
  // Stored at ingest, as in production: the render only checks that it is still current.
  await refreshComparison(temp.db, eventId);
  Object.assign(logged, loggedDb(temp.url));
  cleanup = async () => {
    await logged.db.$disconnect();
    await temp.cleanup();
  };
});

afterAll(async () => {
  await cleanup?.();
});

beforeEach(() => {
  logged.statements.length = 0;
});

describe("the event page", () => {
  it("reads the event row and its member list once per render", async () => {
    const html = renderToStaticMarkup(await EventPage(props()));
    expect(html).toContain("Envoy meets president");
    expect(html).toContain("Meeting in Moscow");
    expect(readsOf(logged.statements, "EventArticle")).toBe(1);
    expect(readsOf(logged.statements, "Event")).toBe(1);
    expect(readsOf(logged.statements, "EventComparison")).toBe(1);
  });

  it("reads the members twice on a page-cache miss: once for the cheap version check, once for the render", async () => {
    expect(await eventPageVersion(logged.db, eventId)).not.toBeNull();
    await EventPage(props());
    expect(readsOf(logged.statements, "EventArticle")).toBe(2);
  });

  it("gives the metadata from the same read", async () => {
    expect((await generateMetadata(props())).title).toBe("Meeting");
    expect(readsOf(logged.statements, "EventArticle")).toBe(1);
  });
});

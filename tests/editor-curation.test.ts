// Event curation as the editors' forms drive it, on a real migrated database: who may (401/403, and a cross-origin
// post refused before anything runs), what each change writes to the audit log, the counts and spans after
// membership changes, and what the public listings show afterwards (hidden events gone, pinned ones first).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import type { AuthSession } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { EditorEventCuration } from "@/components/editor-curation";
import { forgetClusterState } from "@/lib/cluster/assign-event";
import { getEventForCuration } from "@/lib/curation/data";
import { runCurationForm, safeReturnPath } from "@/lib/curation/form";
import * as ops from "@/lib/curation/operations";
import { statsOf } from "@/lib/curation/stats";
import { handleListEvents } from "@/lib/events/api";
import { getEvent, listEvents } from "@/lib/events/data";
import { addArticle, addSource } from "@/tests/support/db-fixtures";
import { handleNamedFeed } from "@/lib/syndication/api";
import { createTag, tagEvent } from "@/lib/tags/mutations";
import { createTempDb } from "./support/temp-db";

// Spy on the clusterer's reset without changing what it does: membership changes must call it.
vi.mock("@/lib/cluster/assign-event", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/cluster/assign-event")>();
  return { ...actual, forgetClusterState: vi.fn(actual.forgetClusterState) };
});

let db: Db;
let cleanup: () => Promise<void>;
let editor: AuthSession;
let admin: AuthSession;
const src: Record<string, number> = {};
const HOUR = 3_600_000;
const T0 = new Date("2026-11-20T12:00:00Z").getTime();

/** An event over fresh articles: [sourceKey or null, hours after T0] each, with stats as the clusterer stores them. */
async function makeEvent(title: string, articles: [string | null, number][], extra: { lastSeenAt?: Date } = {}) {
  const rows = [];
  for (const [source, hours] of articles) {
    rows.push(
      await addArticle(db, {
        title: `${title} ${rows.length + 1}`,
        sourceId: source ? src[source] : null,
        publishedAt: new Date(T0 + hours * HOUR),
      }),
    );
  }
  const stats = statsOf(
    rows.map((r) => ({ id: r.id, sourceId: r.sourceId, publishedAt: r.publishedAt, fetchedAt: r.fetchedAt })),
  )!;
  const event = await db.event.create({
    data: { title, ...stats, ...extra, members: { create: rows.map((r) => ({ articleId: r.id, similarity: 0.8 })) } },
  });
  return { id: event.id, articleIds: rows.map((r) => r.id) };
}

// By identity: a deep comparison of Prisma clients recurses through their proxies.
const expectClusterStateDropped = () =>
  expect(vi.mocked(forgetClusterState).mock.calls.some(([client]) => client === db)).toBe(true);
const ctx = (session: AuthSession | null) => ({ session, db });
const eventRow = (id: number) => db.event.findUniqueOrThrow({ where: { id } });
const lastAudit = async () => {
  const row = (await db.auditLog.findFirst({ orderBy: { id: "desc" } }))!;
  return { ...row, before: JSON.parse(row.before ?? "null"), after: JSON.parse(row.after ?? "null") };
};

beforeAll(async () => {
  ({ db, cleanup } = await createTempDb());
  const e = await createUser(db, { email: "ed@example.org", password: "editor password 1", role: "editor" });
  const a = await createUser(db, { email: "admin@example.org", password: "admin password 1", role: "admin" });
  editor = { userId: e.id, email: e.email, role: e.role };
  admin = { userId: a.id, email: a.email, role: a.role };
  for (const [key, domain] of [
    ["wire", "wire.example"],
    ["daily", "daily.example"],
    ["herald", "herald.example"],
  ]) {
    src[key] = (await addSource(db, key, domain!)).id;
  }
});
afterAll(() => cleanup());
beforeEach(() => vi.mocked(forgetClusterState).mockClear());

const allOps: [
  string,
  (c: ops.EditorContext, input: unknown) => Promise<unknown>,
  (ids: number[], articles: number[]) => unknown,
][] = [
  ["editEvent", ops.editEventOp, ([a]) => ({ eventId: a, title: "New title" })],
  ["pinEvent", ops.pinEventOp, ([a]) => ({ eventId: a, pinned: "true" })],
  ["hideEvent", ops.hideEventOp, ([a]) => ({ eventId: a, hidden: "true" })],
  ["mergeEvents", ops.mergeEventsOp, ([a, b]) => ({ fromEventId: b, intoEventId: a })],
  ["moveArticle", ops.moveArticleOp, ([, b], [x]) => ({ articleId: x, toEventId: b })],
  ["splitArticles", ops.splitArticlesOp, ([a], [x]) => ({ eventId: a, articleIds: [String(x)] })],
];

async function state() {
  return {
    events: await db.event.findMany({ orderBy: { id: "asc" } }),
    members: await db.eventArticle.findMany({ orderBy: { articleId: "asc" } }),
    audit: await db.auditLog.count(),
  };
}

describe("authorization", () => {
  it.each(allOps)(
    "%s is refused with 401 without a session and 403 with an unknown role, and changes nothing",
    async (_name, op, input) => {
      const a = await makeEvent("Auth A", [
        ["wire", 0],
        ["daily", 1],
      ]);
      const b = await makeEvent("Auth B", [["herald", 2]]);
      const before = await state();
      // Valid input, so that the refusal cannot be a validation error in disguise.
      const valid = input([a.id, b.id], a.articleIds);
      await expect(op(ctx(null), valid)).rejects.toMatchObject({ name: "AuthError", status: 401 });
      await expect(op(ctx({ ...editor, role: "reader" }), valid)).rejects.toMatchObject({
        name: "AuthError",
        status: 403,
      });
      expect(await state()).toEqual(before);
      expect(forgetClusterState).not.toHaveBeenCalled();
      // And the same input succeeds for an editor: merge and split are editor-level on purpose.
      await expect(op(ctx(editor), valid)).resolves.toBeTruthy();
    },
  );
});

describe("title, summary, pin and hide", () => {
  it("edits the title and summary, audited before and after, and marks it edited", async () => {
    const { id } = await makeEvent("Talks", [["wire", 0]]);
    await ops.editEventOp(ctx(editor), {
      eventId: String(id),
      title: "  Peace talks resume ",
      summary: "Delegations met.\nAgain.",
    });
    const row = await eventRow(id);
    expect(row).toMatchObject({ title: "Peace talks resume", summary: "Delegations met.\nAgain." });
    expect(row.editedAt).toBeInstanceOf(Date);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      userId: editor.userId,
      action: "event.edit",
      entityType: "Event",
      entityId: String(id),
    });
    expect(audit.before).toMatchObject({ id, title: "Talks", summary: null });
    expect(audit.after).toMatchObject({ id, title: "Peace talks resume", summary: "Delegations met.\nAgain." });
    await expect(ops.editEventOp(ctx(editor), { eventId: id, title: "   " })).rejects.toThrow(
      "the event needs a title",
    );
    await expect(ops.editEventOp(ctx(editor), { eventId: id, title: "a\u0000b" })).rejects.toThrow(
      "control characters",
    );
    await expect(ops.editEventOp(ctx(editor), { eventId: 999_999, title: "x" })).rejects.toThrow(
      "there is no event #999999",
    );
  });

  it("a pinned event ranks first on the home list and the API; unpinning restores the order", async () => {
    await db.event.updateMany({ data: { pinned: false } }); // earlier tests may have pinned some
    // Old and covered by one outlet: it would rank last without the pin.
    const { id } = await makeEvent("Pinned backwater", [["wire", -500]]);
    const { events } = await listEvents({ limit: 100, offset: 0, now: new Date(T0 + 10 * HOUR) }, db);
    expect(events[0]!.id).not.toBe(id);
    await ops.pinEventOp(ctx(editor), { eventId: id, pinned: "true" });
    expect((await listEvents({ limit: 5, offset: 0, now: new Date(T0 + 10 * HOUR) }, db)).events[0]!.id).toBe(id);
    const api = await (await handleListEvents(new Request("http://x.test/api/events?limit=3"), db)).json();
    expect(api.events[0].id).toBe(id);
    const audit = await lastAudit();
    expect([audit.action, audit.before.pinned, audit.after.pinned]).toEqual(["event.pin", false, true]);
    // Pinning again changes nothing and logs nothing.
    const count = await db.auditLog.count();
    await ops.pinEventOp(ctx(editor), { eventId: id, pinned: "true" });
    expect(await db.auditLog.count()).toBe(count);
    await ops.pinEventOp(ctx(admin), { eventId: id, pinned: "false" });
    expect((await listEvents({ limit: 5, offset: 0, now: new Date(T0 + 10 * HOUR) }, db)).events[0]!.id).not.toBe(id);
    expect((await lastAudit()).action).toBe("event.unpin");
    await expect(ops.pinEventOp(ctx(editor), { eventId: id, pinned: "yes" })).rejects.toThrow("expected true or false");
  });

  it("a hidden event leaves the home list, the API and the top feed, and comes back when unhidden", async () => {
    const { id } = await makeEvent("Hide me", [
      ["wire", 100],
      ["daily", 100],
      ["herald", 100],
    ]);
    const inList = async () => (await listEvents({ limit: 1000, offset: 0 }, db)).events.some((e) => e.id === id);
    const inApi = async () =>
      (
        (await (await handleListEvents(new Request("http://x.test/api/events?limit=100"), db)).json()).events as {
          id: number;
        }[]
      ).some((e) => e.id === id);
    const inFeed = async () =>
      (
        await (await handleNamedFeed(new Request("http://x.test/feeds/top.json"), { feed: "top.json" }, db)).text()
      ).includes(`/events/${id}"`);
    expect([await inList(), await inApi(), await inFeed()]).toEqual([true, true, true]);
    const total = (await listEvents({ limit: 1, offset: 0 }, db)).total;
    await ops.hideEventOp(ctx(editor), { eventId: id, hidden: "true" });
    expect([await inList(), await inApi(), await inFeed()]).toEqual([false, false, false]);
    expect((await listEvents({ limit: 1, offset: 0 }, db)).total).toBe(total - 1);
    // Its own page still answers: links already shared keep working.
    expect(await getEvent(id, db)).toMatchObject({ id });
    expect((await lastAudit()).action).toBe("event.hide");
    await ops.hideEventOp(ctx(editor), { eventId: id, hidden: "false" });
    expect(await inList()).toBe(true);
    expect((await lastAudit()).action).toBe("event.unhide");
  });
});

describe("membership changes", () => {
  it("moves an article: both events' counts and spans follow, both are curated, the clusterer state is dropped", async () => {
    // A: wire at +0, daily at +5, a source-less article at +9. B: herald at +20.
    const a = await makeEvent("Move from", [
      ["wire", 0],
      ["daily", 5],
      [null, 9],
    ]);
    const b = await makeEvent("Move to", [["herald", 20]]);
    expect(await eventRow(a.id)).toMatchObject({ articleCount: 3, sourceCount: 3 });
    await ops.moveArticleOp(ctx(editor), { articleId: a.articleIds[2], toEventId: b.id });
    const [ra, rb] = [await eventRow(a.id), await eventRow(b.id)];
    expect(ra).toMatchObject({
      articleCount: 2,
      sourceCount: 2,
      firstSeenAt: new Date(T0),
      lastSeenAt: new Date(T0 + 5 * HOUR),
    });
    // The article without an outlet counts as an outlet of its own.
    expect(rb).toMatchObject({
      articleCount: 2,
      sourceCount: 2,
      firstSeenAt: new Date(T0 + 9 * HOUR),
      lastSeenAt: new Date(T0 + 20 * HOUR),
    });
    expect(ra.curatedAt).toBeInstanceOf(Date);
    expect(rb.curatedAt).toBeInstanceOf(Date);
    expectClusterStateDropped();
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "article.move", entityType: "Article", entityId: String(a.articleIds[2]) });
    expect(audit.before).toMatchObject({
      eventId: a.id,
      from: { articleIds: a.articleIds, sourceCount: 3 },
      to: { articleIds: b.articleIds },
    });
    expect(audit.after).toMatchObject({
      eventId: b.id,
      from: { articleIds: a.articleIds.slice(0, 2), sourceCount: 2 },
      to: { articleIds: [...b.articleIds, a.articleIds[2]!].sort((x, y) => x - y) },
    });
    await expect(ops.moveArticleOp(ctx(editor), { articleId: a.articleIds[0], toEventId: a.id })).rejects.toThrow(
      "already in event",
    );
    const loose = await addArticle(db, { title: "Unclustered" });
    await expect(ops.moveArticleOp(ctx(editor), { articleId: loose.id, toEventId: b.id })).rejects.toThrow(
      "is not in any event",
    );
  });

  it("moving the last article out leaves an empty event that no listing shows", async () => {
    const a = await makeEvent("Lonely", [["wire", 0]]);
    const b = await makeEvent("Home", [["daily", 1]]);
    await ops.moveArticleOp(ctx(editor), { articleId: a.articleIds[0], toEventId: b.id });
    expect(await eventRow(a.id)).toMatchObject({ articleCount: 0, sourceCount: 0 });
    expect((await listEvents({ limit: 1000, offset: 0 }, db)).events.map((e) => e.id)).not.toContain(a.id);
  });

  it("splits chosen articles into a new event with its own counts", async () => {
    const a = await makeEvent("Two stories", [
      ["wire", 0],
      ["daily", 2],
      ["wire", 30],
      ["herald", 31],
    ]);
    const [, , x, y] = a.articleIds as [number, number, number, number];
    const created = await ops.splitArticlesOp(ctx(editor), { eventId: a.id, articleIds: [String(y), String(x)] });
    expect(created.id).not.toBe(a.id);
    const fresh = await eventRow(created.id);
    expect(fresh).toMatchObject({
      title: "Two stories 3",
      articleCount: 2,
      sourceCount: 2,
      firstSeenAt: new Date(T0 + 30 * HOUR),
      lastSeenAt: new Date(T0 + 31 * HOUR),
    });
    expect(fresh.curatedAt).toBeInstanceOf(Date);
    expect(await eventRow(a.id)).toMatchObject({
      articleCount: 2,
      sourceCount: 2,
      lastSeenAt: new Date(T0 + 2 * HOUR),
    });
    expect(
      (await db.eventArticle.findMany({ where: { eventId: created.id }, orderBy: { articleId: "asc" } })).map(
        (m) => m.articleId,
      ),
    ).toEqual([x, y]);
    expectClusterStateDropped();
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "event.split", entityId: String(a.id) });
    expect(audit.before.event.articleIds).toEqual(a.articleIds);
    expect(audit.after.event.articleIds).toEqual(a.articleIds.slice(0, 2));
    expect(audit.after.newEvent).toMatchObject({ id: created.id, articleIds: [x, y], articleCount: 2 });

    const named = await ops.splitArticlesOp(ctx(editor), {
      eventId: created.id,
      articleIds: String(y),
      title: "Herald's story",
    });
    expect(await eventRow(named.id)).toMatchObject({ title: "Herald's story", articleCount: 1, sourceCount: 1 });
    await expect(
      ops.splitArticlesOp(ctx(editor), { eventId: a.id, articleIds: a.articleIds.slice(0, 2) }),
    ).rejects.toThrow("leave at least one article");
    await expect(ops.splitArticlesOp(ctx(editor), { eventId: a.id, articleIds: [x] })).rejects.toThrow(
      `article #${x} is not in event #${a.id}`,
    );
    await expect(ops.splitArticlesOp(ctx(editor), { eventId: a.id })).rejects.toThrow("choose at least one article");
  });

  it("merges B into A: members and tags move, B redirects, earlier merges into B point at A, counts recomputed", async () => {
    const a = await makeEvent("Merge A", [
      ["wire", 0],
      ["daily", 1],
    ]);
    const b = await makeEvent("Merge B", [
      ["daily", 3],
      ["herald", 4],
      [null, 5],
    ]);
    const c = await makeEvent("Merge C", [["wire", 2]]);
    await ops.mergeEventsOp(ctx(editor), { fromEventId: c.id, intoEventId: b.id });
    const tag = await createTag(db, { name: `Merge tag ${a.id}`, description: null }, editor.userId);
    await tagEvent(db, { eventId: b.id, tagId: tag.id }, editor.userId);
    vi.mocked(forgetClusterState).mockClear();

    const kept = await ops.mergeEventsOp(ctx(editor), { fromEventId: b.id, intoEventId: a.id });
    expect(kept.id).toBe(a.id);
    const [ra, rb, rc] = [await eventRow(a.id), await eventRow(b.id), await eventRow(c.id)];
    expect(ra).toMatchObject({
      articleCount: 6,
      sourceCount: 4,
      firstSeenAt: new Date(T0),
      lastSeenAt: new Date(T0 + 5 * HOUR),
    });
    expect(rb).toMatchObject({ mergedIntoId: a.id, articleCount: 0, sourceCount: 0 });
    expect(rc.mergedIntoId).toBe(a.id);
    expect(ra.curatedAt).toBeInstanceOf(Date);
    expect(await db.eventArticle.count({ where: { eventId: a.id } })).toBe(6);
    expect(await getEvent(b.id, db)).toEqual({ redirectTo: a.id });
    expect(await db.eventTag.findMany({ where: { eventId: a.id }, select: { tagId: true } })).toEqual([
      { tagId: tag.id },
    ]);
    expectClusterStateDropped();
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "event.merge",
      entityType: "Event",
      entityId: String(a.id),
      userId: editor.userId,
    });
    expect(audit.before.from).toMatchObject({ id: b.id, mergedIntoId: null, articleCount: 4 });
    expect(audit.before.into).toMatchObject({ id: a.id, articleIds: a.articleIds });
    expect(audit.after.from).toMatchObject({ id: b.id, mergedIntoId: a.id, articleIds: [] });
    expect(audit.after.into.articleIds).toHaveLength(6);

    await expect(ops.mergeEventsOp(ctx(editor), { fromEventId: a.id, intoEventId: a.id })).rejects.toThrow(
      "cannot be merged into itself",
    );
    await expect(ops.mergeEventsOp(ctx(editor), { fromEventId: b.id, intoEventId: a.id })).rejects.toThrow(
      `event #${b.id} was merged into #${a.id}`,
    );
  });
});

describe("the form post", () => {
  function form(fields: [string, string][]) {
    const fd = new FormData();
    for (const [k, v] of fields) fd.append(k, v);
    return fd;
  }
  const same = new Headers({ host: "parallax.test", origin: "http://parallax.test" });

  it("refuses a cross-origin post before reading the session or writing anything", async () => {
    const { id } = await makeEvent("Cross origin", [["wire", 0]]);
    const before = await state();
    const getSession = vi.fn(async () => editor);
    const location = await runCurationForm({
      headers: new Headers({ host: "parallax.test", origin: "https://evil.example" }),
      formData: form([
        ["eventId", String(id)],
        ["hidden", "true"],
        ["returnTo", `/editor/events/${id}`],
      ]),
      getSession,
      db,
      op: ops.hideEventOp,
      notice: "done",
    });
    expect(location).toMatch(new RegExp(`^/editor/events/${id}\\?error=Cross-origin\\+request\\+refused\\.&sig=`));
    expect(getSession).not.toHaveBeenCalled();
    expect(await state()).toEqual(before);
  });

  it("refuses the https twin of the site and a client's own X-Forwarded-Host the same way", async () => {
    const { id } = await makeEvent("Cross scheme", [["wire", 0]]);
    const before = await state();
    const getSession = vi.fn(async () => editor);
    for (const headers of [
      new Headers({ host: "parallax.test", origin: "https://parallax.test" }),
      new Headers({ host: "parallax.test", "x-forwarded-host": "evil.example", origin: "http://evil.example" }),
    ]) {
      const location = await runCurationForm({
        headers,
        formData: form([
          ["eventId", String(id)],
          ["hidden", "true"],
          ["returnTo", `/editor/events/${id}`],
        ]),
        getSession,
        db,
        op: ops.hideEventOp,
        notice: "done",
      });
      expect(location).toMatch(new RegExp(`^/editor/events/${id}\\?error=Cross-origin\\+request\\+refused\\.&sig=`));
    }
    expect(getSession).not.toHaveBeenCalled();
    expect(await state()).toEqual(before);
  });

  it("sends a signed-out editor to sign in, and a same-origin editor's checkboxes through as a list", async () => {
    const a = await makeEvent("Form split", [
      ["wire", 0],
      ["daily", 1],
      ["herald", 2],
    ]);
    const fields: [string, string][] = [
      ["eventId", String(a.id)],
      ["articleIds", String(a.articleIds[1])],
      ["articleIds", String(a.articleIds[2])],
      ["title", ""],
      ["returnTo", `/editor/events/${a.id}`],
    ];
    const signedOut = await runCurationForm({
      headers: same,
      formData: form(fields),
      getSession: async () => null,
      db,
      op: ops.splitArticlesOp,
      notice: "Split.",
    });
    expect(signedOut).toBe(`/login?next=%2Feditor%2Fevents%2F${a.id}`);
    const ok = await runCurationForm({
      headers: same,
      formData: form(fields),
      getSession: async () => editor,
      db,
      op: ops.splitArticlesOp,
      notice: "Split.",
      next: (e) => `/editor/events/${e.id}`,
    });
    const created = Number(ok.match(/^\/editor\/events\/(\d+)\?notice=Split\.&sig=[\w-]+$/)![1]);
    expect((await db.eventArticle.findMany({ where: { eventId: created } })).map((m) => m.articleId).sort()).toEqual(
      a.articleIds.slice(1).sort(),
    );
  });

  it("returns only to the editors' pages", () => {
    expect(safeReturnPath("/editor/events/12")).toBe("/editor/events/12");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/editor/../x",
      "/editor/events/1?x=1",
      undefined,
      ["/editor"],
    ])
      expect(safeReturnPath(bad)).toBe("/editor");
  });
});

it("renders hostile titles and headlines as text", async () => {
  const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
  const { id } = await makeEvent("Safe", [["wire", 0]]);
  await ops.editEventOp(ctx(editor), { eventId: id, title: payload, summary: payload });
  const noop = async () => {};
  const html = renderToStaticMarkup(
    createElement(EditorEventCuration, {
      event: (await getEventForCuration(id, db))!,
      actions: { edit: noop, pin: noop, hide: noop, merge: noop, move: noop, split: noop },
    }),
  );
  const withoutReactScript = html.replaceAll(/<script>addEventListener\("submit",[^<]*<\/script>/g, "");
  expect(withoutReactScript).not.toMatch(/<script|<img/i);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});

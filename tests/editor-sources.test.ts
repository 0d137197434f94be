// Outlet and feed management as the editors' sources page drives it, on a real migrated database: who may (401/403
// for every operation, nothing written), clear validation messages, the SSRF check on adding a feed (a private
// address refused without allowHosts, the fixture server accepted with it), and the audit rows with before/after.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import type { AuthSession } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { EditorSources } from "@/components/editor-sources";
import { listSourcesForAdmin } from "@/lib/source-admin/data";
import { runSourcesForm } from "@/lib/source-admin/form";
import * as m from "@/lib/source-admin/mutations";
import * as ops from "@/lib/source-admin/operations";
import { addSource } from "@/tests/support/db-fixtures";
import { startFixtureServer, type FixtureServer } from "./support/fixture-server";
import { createTempDb } from "./support/temp-db";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture Gazette</title><link>https://gazette.example/</link>
<description>d</description><item><title>One</title><link>https://gazette.example/1</link></item></channel></rss>`;

let db: Db;
let cleanup: () => Promise<void>;
let server: FixtureServer;
let editor: AuthSession;
let sourceId: number;
let feedId: number;

const ctx = (session: AuthSession | null) => ({ session, db });
const lastAudit = async () => {
  const row = (await db.auditLog.findFirst({ orderBy: { id: "desc" } }))!;
  return { ...row, before: JSON.parse(row.before ?? "null"), after: JSON.parse(row.after ?? "null") };
};
const state = async () => ({
  sources: await db.source.findMany({ orderBy: { id: "asc" } }),
  feeds: await db.feed.findMany({ orderBy: { id: "asc" } }),
  audit: await db.auditLog.count(),
});

beforeAll(async () => {
  ({ db, cleanup } = await createTempDb());
  server = await startFixtureServer({
    "/feed.xml": { headers: { "content-type": "application/rss+xml" }, body: RSS },
    "/other-feed.xml": { headers: { "content-type": "application/rss+xml" }, body: RSS },
    "/": {
      headers: { "content-type": "text/html" },
      body: `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`,
    },
  });
  const e = await createUser(db, { email: "ed@example.org", password: "editor password 1", role: "editor" });
  editor = { userId: e.id, email: e.email, role: e.role };
  sourceId = (await addSource(db, "Daily", "daily.example")).id;
  feedId = (
    await db.feed.create({
      data: { url: "https://daily.example/rss", sourceId, consecutiveFailures: 3, lastError: "HTTP 503" },
    })
  ).id;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

describe("authorization", () => {
  const cases: [string, (c: ops.EditorContext & ops.FetchPolicy, input: unknown) => Promise<unknown>, () => unknown][] =
    [
      ["editSource", ops.editSourceOp, () => ({ sourceId, name: "Daily", country: "GB" })],
      ["setFeedEnabled", ops.setFeedEnabledOp, () => ({ feedId, enabled: "false" })],
      ["setSourceEnabled", ops.setSourceEnabledOp, () => ({ sourceId, enabled: "false" })],
      ["addFeed", ops.addFeedOp, () => ({ url: `${server.url}/feed.xml` })],
    ];
  it.each(cases)(
    "%s is refused with 401 without a session and 403 with a wrong role, and changes nothing",
    async (_name, op, input) => {
      const before = await state();
      const requests = server.requests.length;
      // Valid input (and allowed hosts), so the refusal cannot be a validation or SSRF error in disguise.
      const policy = { allowHosts: [server.host] };
      await expect(op({ ...ctx(null), ...policy }, input())).rejects.toMatchObject({ name: "AuthError", status: 401 });
      await expect(op({ ...ctx({ ...editor, role: "reader" }), ...policy }, input())).rejects.toMatchObject({
        name: "AuthError",
        status: 403,
      });
      expect(await state()).toEqual(before);
      expect(server.requests.length).toBe(requests); // nothing was fetched either
    },
  );
});

describe("outlet metadata", () => {
  it("saves the metadata, normalised, with an audit row before and after", async () => {
    await ops.editSourceOp(ctx(editor), {
      sourceId: String(sourceId),
      name: " The Daily ",
      country: "gb",
      language: "EN",
      kind: "national",
      lean: "center",
      homepage: "https://daily.example/",
      ownership: " Daily Media Trust ",
    });
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      ownership: "Daily Media Trust",
      name: "The Daily",
      country: "GB",
      language: "en",
      kind: "national",
      lean: "center",
      homepage: "https://daily.example/",
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      userId: editor.userId,
      action: "source.edit",
      entityType: "Source",
      entityId: String(sourceId),
    });
    expect(audit.before).toMatchObject({ name: "Daily", country: null, homepage: null });
    expect(audit.after).toMatchObject({ name: "The Daily", country: "GB", homepage: "https://daily.example/" });
    // Blank fields clear.
    await ops.editSourceOp(ctx(editor), {
      sourceId,
      name: "The Daily",
      country: "",
      language: "",
      kind: "",
      lean: "",
      homepage: "",
    });
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      country: null,
      language: null,
      kind: null,
      lean: null,
      homepage: null,
    });
  });

  it("refuses bad values with messages that name the field, and writes nothing", async () => {
    const before = await state();
    const base = { sourceId, name: "The Daily" };
    await expect(ops.editSourceOp(ctx(editor), { ...base, country: "GBR" })).rejects.toThrow(
      "country must be a two-letter ISO 3166-1 alpha-2 code such as GB",
    );
    await expect(ops.editSourceOp(ctx(editor), { ...base, country: "1X" })).rejects.toThrow("country must be");
    await expect(ops.editSourceOp(ctx(editor), { ...base, homepage: "javascript:alert(1)" })).rejects.toThrow(
      "the homepage must be an http(s) URL",
    );
    await expect(ops.editSourceOp(ctx(editor), { ...base, language: "eng" })).rejects.toThrow(
      "language must be a two-letter ISO 639-1 code",
    );
    await expect(ops.editSourceOp(ctx(editor), { ...base, kind: "blog" })).rejects.toThrow(
      "kind must be one of: wire,",
    );
    await expect(ops.editSourceOp(ctx(editor), { ...base, lean: "far-left" })).rejects.toThrow("lean must be one of:");
    await expect(ops.editSourceOp(ctx(editor), { ...base, name: "  " })).rejects.toThrow("the outlet needs a name");
    await expect(ops.editSourceOp(ctx(editor), { ...base, sourceId: 999_999 })).rejects.toThrow(
      "there is no outlet #999999",
    );
    expect(await state()).toEqual(before);
  });
});

describe("feeds", () => {
  it("disabling and enabling write audit rows with before and after; a no-op writes none", async () => {
    await ops.setFeedEnabledOp(ctx(editor), { feedId, enabled: "false" });
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedId } })).enabled).toBe(false);
    let audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "feed.disable",
      entityType: "Feed",
      entityId: String(feedId),
      userId: editor.userId,
    });
    expect([audit.before.enabled, audit.after.enabled]).toEqual([true, false]);
    const count = await db.auditLog.count();
    await ops.setFeedEnabledOp(ctx(editor), { feedId, enabled: "false" });
    expect(await db.auditLog.count()).toBe(count);
    await ops.setFeedEnabledOp(ctx(editor), { feedId, enabled: "true" });
    audit = await lastAudit();
    expect(audit.action).toBe("feed.enable");
    expect([audit.before.enabled, audit.after.enabled]).toEqual([false, true]);
    await expect(ops.setFeedEnabledOp(ctx(editor), { feedId, enabled: "maybe" })).rejects.toThrow(
      "expected true or false",
    );
  });

  it("refuses a feed URL that resolves to a private address when no host is allowed, fetching nothing", async () => {
    const before = await state();
    const requests = server.requests.length;
    await expect(ops.addFeedOp(ctx(editor), { url: `${server.url}/feed.xml` })).rejects.toMatchObject({
      name: "InputError",
      message: expect.stringMatching(/Refusing to fetch 127\.0\.0\.1:\d+: .*loopback/),
    });
    await expect(ops.addFeedOp(ctx(editor), { url: "javascript:alert(1)" })).rejects.toThrow(
      "the feed URL must be an http(s) URL",
    );
    expect(server.requests.length).toBe(requests);
    expect(await state()).toEqual(before);
  });

  it("adds a feed autodiscovered from the fixture site under the chosen outlet, audited", async () => {
    const result = await ops.addFeedOp(
      { ...ctx(editor), allowHosts: [server.host] },
      { url: `${server.url}/`, sourceId: String(sourceId) },
    );
    expect(result.created).toBe(true);
    expect(result.feed).toMatchObject({
      url: `${server.url}/feed.xml`,
      title: "Fixture Gazette",
      sourceId,
      enabled: true,
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "feed.add",
      entityType: "Feed",
      entityId: String(result.feed.id),
      userId: editor.userId,
      before: null,
    });
    expect(audit.after).toMatchObject({ url: `${server.url}/feed.xml`, sourceId });
    // The same feed again by its exact URL: nothing new, and the audit row shows it before and after.
    const again = await ops.addFeedOp({ ...ctx(editor), allowHosts: [server.host] }, { url: `${server.url}/feed.xml` });
    expect(again).toMatchObject({ created: false, feed: { id: result.feed.id } });
    expect(await lastAudit()).toMatchObject({
      action: "feed.readd",
      before: { id: result.feed.id, sourceId },
      after: { id: result.feed.id, sourceId },
    });
    // A page that is not there is the editor's problem to fix, reported as such rather than thrown as a bug.
    await expect(
      ops.addFeedOp({ ...ctx(editor), allowHosts: [server.host] }, { url: `${server.url}/missing` }),
    ).rejects.toMatchObject({ name: "InputError", message: expect.stringContaining("404") });
  });

  it("stores a new feed and its audit row together or not at all", async () => {
    const before = await state();
    const url = `${server.url}/other-feed.xml`;
    // An audit row that cannot be written (its author does not exist) takes the feed down with it.
    await expect(m.addFeed(db, { url }, 987_654, { allowHosts: [server.host] })).rejects.toThrow();
    expect(await state()).toEqual(before);
    expect(await db.feed.findUnique({ where: { url } })).toBeNull();
    expect((await m.addFeed(db, { url }, editor.userId, { allowHosts: [server.host] })).created).toBe(true);
  });
});

describe("the form post and the page", () => {
  const same = new Headers({ host: "parallax.test", origin: "http://parallax.test" });
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    return fd;
  };

  it("sends the signed-out to sign in, shows validation errors, refuses cross-origin posts", async () => {
    const fd = () => form({ sourceId: String(sourceId), name: "X", country: "ZZZ" });
    expect(
      await runSourcesForm({
        headers: same,
        formData: fd(),
        getSession: async () => null,
        db,
        op: ops.editSourceOp,
        notice: () => "ok",
      }),
    ).toBe("/login?next=%2Feditor%2Fsources");
    const bad = await runSourcesForm({
      headers: same,
      formData: fd(),
      getSession: async () => editor,
      db,
      op: ops.editSourceOp,
      notice: () => "ok",
    });
    expect(new URL(bad, "http://x").searchParams.get("error")).toMatch(/^country must be a two-letter ISO 3166-1/);
    const getSession = vi.fn(async () => editor);
    const cross = await runSourcesForm({
      headers: new Headers({ host: "parallax.test", origin: "https://evil.example" }),
      formData: fd(),
      getSession,
      db,
      op: ops.editSourceOp,
      notice: () => "ok",
    });
    expect(cross).toMatch(/^\/editor\/sources\?error=Cross-origin\+request\+refused\.&sig=/);
    expect(getSession).not.toHaveBeenCalled();
  });

  it("lists outlets with feed health and renders hostile names and errors as text", async () => {
    const payload = `<script>alert(1)</script>`;
    await ops.editSourceOp(ctx(editor), { sourceId, name: payload });
    await db.feed.update({ where: { id: feedId }, data: { lastError: `<img src=x onerror=alert(2)>` } });
    const { sources, unfiled } = await listSourcesForAdmin(db);
    const daily = sources.find((s) => s.id === sourceId)!;
    expect(daily.feeds.map((f) => [f.url, f.consecutiveFailures])).toEqual([
      ["https://daily.example/rss", 3],
      [`${server.url}/feed.xml`, 0],
    ]);
    const noop = async () => {};
    const html = renderToStaticMarkup(
      createElement(EditorSources, {
        sources,
        unfiled,
        actions: { editSource: noop, setFeedEnabled: noop, setSourceEnabled: noop, addFeed: noop },
      }),
    );
    expect(html.replaceAll(/<script>addEventListener\("submit",[^<]*<\/script>/g, "")).not.toMatch(
      /<script>alert|<img/i,
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // That feed has never succeeded: its state and error say so (tests/sources/feed-health.test.ts).
    expect(html).toContain("never fetched: &lt;img");
  });
});

describe("outlets switched off", () => {
  it("stops polling a disabled outlet's feeds, audited, while feeds of other outlets and unfiled feeds go on", async () => {
    // Everything already in this database waits, so the pass below touches only the two fixture feeds.
    await db.feed.updateMany({ data: { nextFetchAt: new Date(Date.now() + 86_400_000) } });
    const off = (await addSource(db, "Switched Off", "off.example")).id;
    for (const path of ["/off.xml", "/none.xml"])
      server.route(path, { headers: { "content-type": "application/rss+xml" }, body: RSS });
    await db.feed.create({ data: { url: `${server.url}/off.xml`, sourceId: off } });
    await db.feed.create({ data: { url: `${server.url}/none.xml` } });
    await ops.setSourceEnabledOp(ctx(editor), { sourceId: String(off), enabled: "false" });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "source.disable", entityId: String(off) });
    expect(audit.before).toMatchObject({ enabled: true });
    expect(audit.after).toMatchObject({ enabled: false });

    const { startScheduler } = await import("@/lib/feeds/scheduler");
    const seen = server.requests.length;
    const scheduler = startScheduler({
      db,
      intervalMinutes: 60,
      allowHosts: [server.host],
      onItem: async () => {},
      log: () => {},
      initialDelayMs: 3_600_000,
    });
    await scheduler.runOnce();
    await scheduler.stop();
    const polled = server.requests.slice(seen).map((r) => r.path);
    expect(polled).toContain("/none.xml");
    expect(polled).not.toContain("/off.xml");
  });
});

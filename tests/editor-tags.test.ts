// The tag operations as the editors' server actions call them, with the session and database injected: who may
// do what, what each change writes to the audit log, and that an editor's text is stored and rendered as text.
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { AuthSession } from "@/lib/auth/roles";
import { sessionCookie } from "@/lib/auth/sessions";
import { createUser } from "@/lib/auth/users";
import { EditorEventList, EditorTagList } from "@/components/editor-tags";
import { listTags, recentEventsForEditors } from "@/lib/tags/data";
import * as ops from "@/lib/tags/operations";
import { slugify } from "@/lib/tags/schema";
import { createTempDb } from "./support/temp-db";

let db: Db;
let cleanup: () => Promise<void>;
let editor: AuthSession;
let admin: AuthSession;
let eventIds: number[];

async function makeEvent(title: string): Promise<number> {
  const now = new Date();
  return (
    await db.event.create({ data: { title, firstSeenAt: now, lastSeenAt: now, articleCount: 1, sourceCount: 1 } })
  ).id;
}

beforeAll(async () => {
  const t = await createTempDb();
  db = t.db;
  cleanup = t.cleanup;
  const e = await createUser(db, { email: "ed@example.org", password: "editor password 1", role: "editor" });
  const a = await createUser(db, { email: "admin@example.org", password: "admin password 1", role: "admin" });
  editor = { userId: e.id, email: e.email, role: e.role };
  admin = { userId: a.id, email: a.email, role: a.role };
  eventIds = [await makeEvent("Talks in Moscow"), await makeEvent("Storm hits coast")];
});
afterAll(() => cleanup());

const editorOps: [string, (ctx: ops.EditorContext, input: unknown) => Promise<unknown>][] = [
  ["createTag", ops.createTagOp],
  ["renameTag", ops.renameTagOp],
  ["mergeTags", ops.mergeTagsOp],
  ["tagEvent", ops.tagEventOp],
  ["tagEventByName", ops.tagEventByNameOp],
  ["untagEvent", ops.untagEventOp],
];

describe("authorization", () => {
  it.each(editorOps)(
    "%s is refused with 401 without a session and 403 with an unknown role, and writes nothing",
    async (_name, op) => {
      const before = { tags: await db.tag.count(), links: await db.eventTag.count(), audit: await db.auditLog.count() };
      // Valid input, so that the refusal cannot be a validation error in disguise.
      const input = { name: "Valid name", tagId: 1, fromTagId: 1, intoTagId: 2, eventId: eventIds[0] };
      await expect(op({ session: null, db }, input)).rejects.toMatchObject({ name: "AuthError", status: 401 });
      await expect(op({ session: { ...editor, role: "reader" }, db }, input)).rejects.toMatchObject({
        name: "AuthError",
        status: 403,
      });
      expect({
        tags: await db.tag.count(),
        links: await db.eventTag.count(),
        audit: await db.auditLog.count(),
      }).toEqual(before);
    },
  );

  it("merging is for admins: an editor gets 403", async () => {
    const a = await ops.createTagOp({ session: editor, db }, { name: "Merge A" });
    const b = await ops.createTagOp({ session: editor, db }, { name: "Merge B" });
    await expect(ops.mergeTagsOp({ session: editor, db }, { fromTagId: a.id, intoTagId: b.id })).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.tag.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
  });

  it("the session cookie is Secure in production", () => {
    expect(sessionCookie("t", new Date(0), true)).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(sessionCookie("t", new Date(0), false)).not.toMatch(/Secure/);
  });
});

function audits(entityType: string, entityId: number) {
  return db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });
}

describe("tags, audited", () => {
  it("create and rename write the tag before and after, by whom", async () => {
    const tag = await ops.createTagOp(
      { session: editor, db },
      { name: "  Ukraine: peace talks ", description: "Negotiations" },
    );
    expect(tag).toMatchObject({
      name: "Ukraine: peace talks",
      slug: "ukraine-peace-talks",
      description: "Negotiations",
    });
    await ops.renameTagOp({ session: editor, db }, { tagId: String(tag.id), name: "Peace talks" });
    const rows = await audits("Tag", tag.id);
    expect(rows.map((r) => [r.action, r.userId])).toEqual([
      ["tag.create", editor.userId],
      ["tag.rename", editor.userId],
    ]);
    expect(rows[0]!.before).toBeNull();
    expect(JSON.parse(rows[0]!.after!)).toEqual({
      id: tag.id,
      name: "Ukraine: peace talks",
      slug: "ukraine-peace-talks",
      description: "Negotiations",
    });
    expect(JSON.parse(rows[1]!.before!)).toMatchObject({ name: "Ukraine: peace talks", slug: "ukraine-peace-talks" });
    expect(JSON.parse(rows[1]!.after!)).toMatchObject({ name: "Peace talks", slug: "peace-talks" });
  });

  it("refuses a duplicate slug and bad input with a clear message, writing nothing", async () => {
    const count = await db.auditLog.count();
    await expect(ops.createTagOp({ session: editor, db }, { name: "PEACE talks!" })).rejects.toThrow(
      'a tag named "Peace talks" already exists',
    );
    await expect(ops.createTagOp({ session: editor, db }, { name: "   " })).rejects.toThrow("the tag needs a name");
    await expect(ops.createTagOp({ session: editor, db }, { name: "---" })).rejects.toThrow(
      "at least one letter or digit",
    );
    await expect(ops.tagEventOp({ session: editor, db }, { eventId: "abc", tagId: 1 })).rejects.toThrow(
      "not a valid id",
    );
    await expect(ops.tagEventOp({ session: editor, db }, { eventId: 999_999, tagId: 1 })).rejects.toThrow(
      "there is no event #999999",
    );
    expect(await db.auditLog.count()).toBe(count);
  });

  it("tagging and untagging an event log its tag ids before and after", async () => {
    const [eventId] = eventIds;
    const t1 = await ops.createTagOp({ session: editor, db }, { name: "Diplomacy" });
    const t2 = await ops.tagEventByNameOp({ session: editor, db }, { eventId, name: "Russia" });
    await ops.tagEventOp({ session: editor, db }, { eventId, tagId: t1.id });
    // Tagging twice changes nothing and logs nothing.
    await ops.tagEventOp({ session: editor, db }, { eventId, tagId: t1.id });
    await ops.untagEventOp({ session: editor, db }, { eventId, tagId: t2.id });
    const rows = await audits("Event", eventId!);
    expect(rows.map((r) => [r.action, JSON.parse(r.before!), JSON.parse(r.after!)])).toEqual([
      ["event.tag", { tagIds: [] }, { tagIds: [t2.id] }],
      ["event.tag", { tagIds: [t2.id] }, { tagIds: [t1.id, t2.id].sort((a, b) => a - b) }],
      ["event.untag", { tagIds: [t1.id, t2.id].sort((a, b) => a - b) }, { tagIds: [t1.id] }],
    ]);
    // Tagging by a new name also created (and audited) the tag.
    expect((await audits("Tag", t2.id)).map((r) => r.action)).toEqual(["tag.create"]);
    const [event] = (await recentEventsForEditors(10, db)).filter((e) => e.id === eventId);
    expect(event!.tags.map((t) => t.name)).toEqual(["Diplomacy"]);
  });

  it("an admin merges one tag into another: events move, the tag goes, the log keeps both", async () => {
    const [e1, e2] = eventIds as [number, number];
    const from = await ops.createTagOp({ session: editor, db }, { name: "Hurricane" });
    const into = await ops.createTagOp({ session: editor, db }, { name: "Storms" });
    await ops.tagEventOp({ session: editor, db }, { eventId: e1, tagId: from.id });
    await ops.tagEventOp({ session: editor, db }, { eventId: e2, tagId: from.id });
    await ops.tagEventOp({ session: editor, db }, { eventId: e2, tagId: into.id });
    await ops.mergeTagsOp({ session: admin, db }, { fromTagId: from.id, intoTagId: into.id });
    expect(await db.tag.findUnique({ where: { id: from.id } })).toBeNull();
    expect(
      (await db.eventTag.findMany({ where: { tagId: into.id }, orderBy: { eventId: "asc" } })).map((r) => r.eventId),
    ).toEqual([e1, e2]);
    const [merge] = (await audits("Tag", into.id)).filter((r) => r.action === "tag.merge");
    expect(merge!.userId).toBe(admin.userId);
    expect(JSON.parse(merge!.before!)).toEqual({
      from: { id: from.id, name: "Hurricane", slug: "hurricane", description: null, eventIds: [e1, e2] },
      into: { id: into.id, name: "Storms", slug: "storms", description: null, eventIds: [e2] },
    });
    expect(JSON.parse(merge!.after!)).toEqual({
      into: { id: into.id, name: "Storms", slug: "storms", description: null, eventIds: [e1, e2] },
    });
    await expect(ops.mergeTagsOp({ session: admin, db }, { fromTagId: into.id, intoTagId: into.id })).rejects.toThrow(
      "cannot be merged into itself",
    );
  });
});

describe("an XSS payload in a tag name", () => {
  const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

  it("is stored as the text typed and rendered escaped", async () => {
    const tag = await ops.createTagOp({ session: editor, db }, { name: payload });
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe(payload);
    expect(tag.slug).toBe(slugify(payload));
    expect(tag.slug).toMatch(/^[a-z0-9-]+$/);
    await ops.tagEventOp({ session: editor, db }, { eventId: eventIds[1], tagId: tag.id });

    const noop = async () => {};
    const tags = await listTags(db);
    const html =
      renderToStaticMarkup(
        createElement(EditorTagList, { tags, canMerge: true, actions: { create: noop, rename: noop, merge: noop } }),
      ) +
      renderToStaticMarkup(
        createElement(EditorEventList, {
          events: await recentEventsForEditors(10, db),
          tags,
          actions: { tag: noop, untag: noop },
        }),
      );
    // React adds its own inline script for replaying forms submitted before hydration; only that one may appear.
    const withoutReactScript = html.replaceAll(/<script>addEventListener\("submit",[^<]*<\/script>/g, "");
    expect(withoutReactScript).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
  });
});

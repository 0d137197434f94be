// Issue #16, hardening: /editor?error= showed any text from the link. A page now shows only a message the form
// runner signed for the editor looking at it.
import { describe, expect, it } from "vitest";
import { requireEditor } from "@/lib/auth/guards";
import type { AuthSession } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { runEditorForm } from "./form";
import { messageQuery, readFormMessage } from "./form-message";
import type { EditorOp } from "./operation";
import { InputError } from "./run";

const alice: AuthSession = { userId: 7, email: "alice@parallax.test", role: "editor" };
const mallory: AuthSession = { userId: 8, email: "mallory@parallax.test", role: "editor" };
const PHISH = "Your session expired, sign in at evil.example";
const same = new Headers({ host: "parallax.test", origin: "http://parallax.test" });
const page = { back: () => "/editor" };

// The key lives in a Setting row; this stands in for the database (tests/editor-auth.test.ts uses real ones).
const settings = new Map<string, string>();
const setting = async ({ where }: { where: { key: string } }) =>
  settings.has(where.key) ? { key: where.key, value: settings.get(where.key)! } : null;
const db = {
  setting: {
    findUnique: setting,
    findUniqueOrThrow: setting,
    create: async ({ data }: { data: { key: string; value: string } }) => void settings.set(data.key, data.value),
  },
} as unknown as Db;

/** The query of a location the runner returned, as the page receives it. */
function query(location: string): Record<string, string> {
  return Object.fromEntries(new URL(location, "http://parallax.test").searchParams);
}

// An operation whose error echoes the editor's input, as "a tag named ... already exists" does.
const echo: EditorOp<string> = async ({ session }, input) => {
  requireEditor(session);
  throw new InputError(`a tag named "${(input as { name: string }).name}" already exists`);
};
const ok: EditorOp<string> = async ({ session }) => {
  requireEditor(session);
  return "done";
};

function post(session: AuthSession | null, op: EditorOp<string>, fields: Record<string, string> = {}) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.append(k, v);
  return runEditorForm(page, {
    headers: same,
    formData,
    getSession: async () => session,
    db,
    op,
    notice: (r) => `Finished: ${r}.`,
  });
}

describe("form messages", () => {
  it("shows nothing for text a link made up, signed or not", async () => {
    expect(await readFormMessage(db, { error: PHISH }, alice.userId)).toEqual({});
    expect(await readFormMessage(db, { notice: PHISH }, alice.userId)).toEqual({});
    expect(await readFormMessage(db, { error: PHISH, sig: "AAAAAAAAAAAAAAAAAAAAAA" }, alice.userId)).toEqual({});
    expect(await readFormMessage(db, { error: PHISH, sig: "not base64 at all!" }, alice.userId)).toEqual({});
  });

  it("shows the runner's own notice and error to the editor who posted", async () => {
    const done = await post(alice, ok);
    expect(done).toMatch(/^\/editor\?notice=Finished%3A\+done\.&sig=[\w-]{22}$/);
    expect(await readFormMessage(db, query(done), alice.userId)).toEqual({ notice: "Finished: done." });
    const refused = await post(alice, echo, { name: "Ukraine" });
    expect(await readFormMessage(db, query(refused), alice.userId)).toEqual({
      error: 'a tag named "Ukraine" already exists',
    });
  });

  it("a message made for one editor, echoing their input, is shown to no other editor", async () => {
    const crafted = await post(mallory, echo, { name: PHISH });
    expect((await readFormMessage(db, query(crafted), mallory.userId)).error).toContain(PHISH);
    expect(await readFormMessage(db, query(crafted), alice.userId)).toEqual({});
  });

  it("refuses changed text under a valid signature, and a notice's signature on an error", async () => {
    const q = query(await post(alice, ok));
    expect(await readFormMessage(db, { ...q, notice: PHISH }, alice.userId)).toEqual({});
    expect(await readFormMessage(db, { error: q.notice!, sig: q.sig! }, alice.userId)).toEqual({});
  });

  it("shows a cross-origin refusal, made before any session is read, to any editor", async () => {
    const location = await runEditorForm(page, {
      headers: new Headers({ host: "parallax.test", origin: "https://evil.example" }),
      formData: new FormData(),
      getSession: async () => alice,
      db,
      op: ok,
      notice: "never",
    });
    expect(await readFormMessage(db, query(location), alice.userId)).toEqual({
      error: "Cross-origin request refused.",
    });
    expect(await readFormMessage(db, query(location), mallory.userId)).toEqual({
      error: "Cross-origin request refused.",
    });
    // ...and only that: an editor's own message is not bound to anyone else.
    expect(await messageQuery(db, "error", "x", alice.userId)).not.toBe(await messageQuery(db, "error", "x", null));
  });
});

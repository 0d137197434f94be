// The editors' desk through the real app, without JavaScript, as a browser with scripting off would use it: sign
// in through the form, tag an event with the plain <form> that posts to a server action, sign out.
import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/auth/client-ip";
import { createUser } from "@/lib/auth/users";
import { runningApp } from "./support/running-app";

const PASSWORD = "an editor's password";

/** The fields of the form whose submit button reads `button`, as the browser would send them. */
function formFields(html: string, button: string): { action: string | null; fields: [string, string][] } {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => new RegExp(`<button[^>]*>${button}</button>`).test(f));
  if (!form) throw new Error(`no form with a "${button}" button`);
  const fields: [string, string][] = [];
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (name) fields.push([name, input.match(/value="([^"]*)"/)?.[1] ?? ""]);
  }
  return { action: form.match(/<form[^>]*action="([^"]*)"/)?.[1] ?? null, fields };
}

describe("the editors' desk, end to end without JavaScript", () => {
  let eventId: number;
  const ctx = runningApp({
    seed: async (db) => {
      await createUser(db, { email: "ed@example.org", password: PASSWORD, role: "editor" });
      const now = new Date();
      eventId = (
        await db.event.create({
          data: { title: "Talks in Moscow", firstSeenAt: now, lastSeenAt: now, articleCount: 1, sourceCount: 1 },
        })
      ).id;
    },
  });

  it("sends the signed-out to the sign-in page", async () => {
    const res = await fetch(`${ctx.app.baseUrl}/editor`, { redirect: "manual" });
    expect([303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(/\/login\?next=\/editor$/);
  });

  it("signs in, tags an event through the plain form, refuses a cross-origin post, signs out", async () => {
    const origin = ctx.app.baseUrl;
    const login = await fetch(`${origin}/login/submit`, {
      method: "POST",
      redirect: "manual",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "ed@example.org", password: PASSWORD, next: "/editor" }),
    });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/editor");
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^parallax_session=/);

    const page = await (await fetch(`${origin}/editor`, { headers: { cookie } })).text();
    expect(page).toContain("Signed in as <!-- -->ed@example.org");
    const tagForm = formFields(page, "Tag");
    const body = new FormData();
    for (const [k, v] of tagForm.fields) body.append(k, k === "name" ? "<b>Diplomacy</b>" : v);
    expect(tagForm.fields.find(([k]) => k === "eventId")?.[1]).toBe(String(eventId));

    // Another origin posting the same form with the editor's cookie changes nothing.
    const forged = await fetch(`${origin}/editor`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: "https://evil.example" },
      body,
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await ctx.t.db.eventTag.count()).toBe(0);

    const posted = await fetch(`${origin}/editor`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin },
      body,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toMatch(/^\/editor\?notice=Event\+tagged/);
    const tag = await ctx.t.db.tag.findFirstOrThrow({ include: { events: true } });
    expect(tag).toMatchObject({ name: "<b>Diplomacy</b>", slug: "b-diplomacy-b", events: [{ eventId }] });
    expect(await ctx.t.db.auditLog.count({ where: { action: "event.tag" } })).toBe(1);
    const after = await (await fetch(`${origin}/editor`, { headers: { cookie } })).text();
    expect(after).toContain("&lt;b&gt;Diplomacy&lt;/b&gt;");
    expect(after).not.toContain("<b>Diplomacy</b>");

    const logout = await fetch(`${origin}/logout`, { method: "POST", redirect: "manual", headers: { cookie, origin } });
    expect(logout.status).toBe(303);
    expect(await ctx.t.db.session.count()).toBe(0);
    const gone = await fetch(`${origin}/editor`, { redirect: "manual", headers: { cookie } });
    expect(gone.headers.get("location")).toMatch(/\/login/);
  });

  // Last: it leaves this client's address throttled.
  it("counts failed sign-ins per connecting address, whatever forwarding headers the client invents", async () => {
    const origin = ctx.app.baseUrl;
    const attempt = (i: number) =>
      fetch(`${origin}/login/submit`, {
        method: "POST",
        redirect: "manual",
        headers: {
          origin,
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": `198.51.100.${i}`,
          [PEER_HEADER]: `192.0.2.${i}`,
        },
        body: new URLSearchParams({ email: `nobody${i}@example.org`, password: "not the password", next: "/editor" }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(i)).status).toBe(303);
    expect((await attempt(5)).status).toBe(429);
  });
});

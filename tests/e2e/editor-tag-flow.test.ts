// The editor flow in a real browser: sign in, tag an event, and find the event in that tag's feed.
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { renameTag } from "@/lib/tags/mutations";
import { runningApp } from "../support/running-app";

describe("an editor tags an event and it appears in the tag's feed", () => {
  let eventId: number;
  const ctx = runningApp({
    browser: true,
    seed: async (db) => {
      await createUser(db, { email: "editor@example.org", password: "a long editor password", role: "editor" });
      const now = new Date();
      eventId = (
        await db.event.create({
          data: { title: "Harbour bridge reopens", firstSeenAt: now, lastSeenAt: now, articleCount: 1, sourceCount: 1 },
        })
      ).id;
    },
  });

  it("signs in, tags through the editor page, and the tag feed lists the event", async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.app.baseUrl}/editor`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.fill('input[name="email"]', "editor@example.org");
    await page.fill('input[name="password"]', "a long editor password");
    await Promise.all([page.waitForURL(/\/editor/), page.click('button:has-text("Sign in")')]);

    await page.fill(`#tag-${eventId}`, "Infrastructure");
    await Promise.all([
      page.waitForURL(/notice=/),
      page.locator(`#tag-${eventId}`).locator("xpath=ancestor::form").locator("button").click(),
    ]);
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what a reader sees (Playwright locator, not a DOM node)
    expect(await page.locator("main").innerText()).toContain("Infrastructure");

    const feed = await (await fetch(`${ctx.app.baseUrl}/feeds/tags/infrastructure.rss`)).text();
    const parsed = await new Parser().parseString(feed);
    expect(parsed.items.map((i) => i.title)).toContain("Harbour bridge reopens");
    expect(parsed.items[0]!.link).toMatch(new RegExp(`/events/${eventId}$`));
    await page.close();
  });

  it("keeps the old tag page and feed URLs working after a rename: they redirect permanently", async () => {
    const tag = await ctx.t.db.tag.findUniqueOrThrow({ where: { slug: "infrastructure" } });
    const editor = await ctx.t.db.user.findUniqueOrThrow({ where: { email: "editor@example.org" } });
    await renameTag(ctx.t.db, { tagId: tag.id, name: "Public works" }, editor.id);
    const page = await fetch(`${ctx.app.baseUrl}/tags/infrastructure`, { redirect: "manual" });
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toMatch(/\/tags\/public-works$/);
    const feed = await fetch(`${ctx.app.baseUrl}/feeds/tags/infrastructure.rss`);
    expect(feed.url).toMatch(/\/feeds\/tags\/public-works\.rss$/);
    expect((await new Parser().parseString(await feed.text())).items.map((i) => i.title)).toContain(
      "Harbour bridge reopens",
    );
  });
});

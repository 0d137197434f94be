// The founding example end to end: start the app like `npm start` on an empty database, import the seeds while it
// runs, open the event page in a real browser and see the five articles side by side.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { projectRoot, sharedPath } from "../support/shared";
import { runningApp } from "../support/running-app";

describe("the seeds' event page in a browser", () => {
  const ctx = runningApp({ browser: true });
  let eventId: number;

  it("tells the reader of an empty database how to add sources or import files", async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.app.baseUrl}/`);
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what a reader sees (Playwright locator, not a DOM node)
    const text = await page.locator("main").innerText();
    expect(text).toContain("npm run ingest -- ../shared/seeds");
    expect(text).toMatch(/npm start/);
    expect(text).toContain("npm run feeds:add");
    await page.close();
  });

  it("lists the event on the home page once the seeds are imported", async () => {
    const report = await ingestInputs([sharedPath("seeds")], { db: ctx.t.db });
    expect(report.counts.failed).toBe(0);
    eventId = (await ctx.t.db.event.findFirstOrThrow({ where: { mergedIntoId: null } })).id;
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.app.baseUrl}/`);
    await expect(page.locator(`a[href="/events/${eventId}"]`).first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("shows five columns side by side on a wide screen and stacks them on a narrow one", async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const response = await page.goto(`${ctx.app.baseUrl}/events/${eventId}`);
    expect(response?.status()).toBe(200);
    const columns = page.getByTestId("article-column");
    await expect(columns.count()).resolves.toBe(5);
    const boxes = await Promise.all((await columns.all()).map((c) => c.boundingBox()));
    const tops = new Set(boxes.map((b) => Math.round(b!.y)));
    expect(tops.size).toBe(1); // side by side: one row
    // More columns than fit scroll inside their board; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1600);
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what a reader sees (Playwright locator, not a DOM node)
    const text = await page.locator("main").innerText();
    for (const outlet of ["Ukrainska Pravda", "ANI", "MENAFN", "CGTN"]) expect(text).toContain(outlet);
    const artifacts = path.join(projectRoot, "test-results");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "seeds-event-desktop.png"), fullPage: false });

    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = await Promise.all((await columns.all()).map((c) => c.boundingBox()));
    expect(new Set(narrow.map((b) => Math.round(b!.x))).size).toBe(1); // stacked: one column of cards
    await page.screenshot({ path: path.join(artifacts, "seeds-event-mobile.png") });
    await page.close();
  });

  it("serves the event page from memory until the event changes, then renders it again", async () => {
    const url = `${ctx.app.baseUrl}/events/${eventId}`;
    // The same page but for its CSP nonce, which every replay gets fresh (lib/site/nonced-body.ts).
    const withoutNonce = (page: string, policy: string | null) =>
      page.replaceAll(/'nonce-([^']+)'/.exec(policy ?? "")![1], "NONCE");
    const first = await fetch(url);
    const html = withoutNonce(await first.text(), first.headers.get("content-security-policy"));
    const second = await fetch(url);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(withoutNonce(await second.text(), second.headers.get("content-security-policy"))).toBe(html);
    // A write from another process (here the test's own client), as the ingest CLI or an editor would make.
    await ctx.t.db.event.update({ where: { id: eventId }, data: { title: "Retitled while the page was cached" } });
    const third = await fetch(url);
    expect(third.headers.get("x-page-cache")).toBe("miss");
    expect(await third.text()).toContain("Retitled while the page was cached");
    // Then it is kept again. On a loaded machine a view may still find the event's version moving (its
    // comparison rebuilt after the change), so the cache is given at most five views to settle.
    const after: (string | null)[] = [];
    while (after.at(-1) !== "hit" && after.length < 5) after.push((await fetch(url)).headers.get("x-page-cache"));
    expect(after.at(-1)).toBe("hit");
  });
});

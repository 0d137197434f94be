// The seeds' event page checked for accessibility in a real browser: axe-core at desktop and mobile widths (no
// serious or critical violation), keyboard navigation (skip link, main landmark, the scrollable side-by-side
// board) and a reading without client JS. One app start serves every test in the file.
import { mkdirSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { runningApp } from "../support/running-app";
import { projectRoot, sharedPath } from "../support/shared";

const artifacts = path.join(projectRoot, "test-results");
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, mobile: { width: 390, height: 844 } } as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

describe("the event page's accessibility", () => {
  let eventId: number;
  const ctx = runningApp({
    browser: true,
    seed: async (db) => {
      const report = await ingestInputs([sharedPath("seeds")], { db });
      expect(report.counts.failed).toBe(0);
      // Whatever the clusterer decided, the page under test shows all five seeds as one event.
      const largest = (await db.event.findMany({ orderBy: { articleCount: "desc" } }))[0];
      await db.eventArticle.updateMany({ data: { eventId: largest.id } });
      eventId = largest.id;
    },
  });
  let url: string;
  beforeAll(() => {
    url = `${ctx.app.baseUrl}/events/${eventId}`;
    mkdirSync(artifacts, { recursive: true });
  });

  async function open(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport, javaScriptEnabled });
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    return page;
  }

  it.each(Object.entries(VIEWPORTS))("has no serious or critical axe violation at %s width", async (name, viewport) => {
    const page = await open(viewport);
    await page.screenshot({ path: path.join(artifacts, `event-page-${name}.png`), fullPage: name === "mobile" });
    // Evaluated rather than added as a <script>: the page's CSP admits only scripts with its nonce.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    });
    const severe = (violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
    // The whole report, so a failure says what and where.
    expect(
      severe.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} at ${v.nodes
            .slice(0, 3)
            .map((n) => JSON.stringify(n.target))
            .join(", ")}`,
      ),
    ).toEqual([]);
    await page.context().close();
  });

  it("is navigable by keyboard: skip link first, then main's links, then the scrollable board", async () => {
    const page = await open(VIEWPORTS.desktop);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          tag: el?.tagName ?? "",
          text: el?.textContent?.trim().slice(0, 40) ?? "",
          id: el?.id ?? "",
          label: el?.getAttribute("aria-label") ?? "",
          inMain: !!el?.closest("main"),
        };
      });
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "A", text: "Skip to content" });
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("main");
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "A", text: "← All events", inMain: true });

    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      expect(f.inMain).toBe(true); // nothing in main is skipped over into the footer
      reached = f.label === "Articles side by side";
    }
    expect(reached).toBe(true);
    const board = page.getByRole("region", { name: "Articles side by side" });
    expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const before = await board.evaluate((el) => el.scrollLeft);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      (start) => document.querySelector<HTMLElement>('[aria-label="Articles side by side"]')!.scrollLeft > start,
      before,
      { timeout: 5000 },
    );
    await page.context().close();
  });

  it("is readable without client JS: five columns, shared reporting and quotes", async () => {
    const page = await open(VIEWPORTS.desktop, false);
    await expect(page.getByTestId("article-column").count()).resolves.toBe(5);
    const shared = page.getByRole("region", { name: "What everyone reports" });
    expect(await shared.isVisible()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what a reader sees (Playwright locator, not a DOM node)
    expect(await shared.innerText()).toMatch(/Reported by \d of 5 outlets/);
    const quotes = page.getByRole("region", { name: "Quotes" });
    expect(await quotes.isVisible()).toBe(true);
    expect(await quotes.locator("blockquote").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, "event-page-no-js.png") });
    await page.context().close();
  });
});

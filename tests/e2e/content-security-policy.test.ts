// The Content-Security-Policy the built app sends (issue #16, hardening): no 'unsafe-inline' script, every
// <script> of a page carries the nonce of the policy sent with it, fresh per response, also when the event page
// comes from the page cache, and the page still runs its scripts in a browser that enforces the policy.
import { describe, expect, it } from "vitest";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { runningApp } from "../support/running-app";
import { sharedPath } from "../support/shared";

function directive(policy: string, name: string): string[] {
  const found = policy.split(";").find((d) => d.trim().split(/\s+/)[0] === name);
  return found ? found.trim().split(/\s+/).slice(1) : [];
}

describe("the Content-Security-Policy", () => {
  let eventId = 0;
  let articleId = 0;
  const ctx = runningApp({
    browser: true,
    seed: async (db) => {
      const report = await ingestInputs([sharedPath("seeds")], { db });
      expect(report.counts.failed).toBe(0);
      eventId = (await db.event.findFirstOrThrow({ orderBy: { articleCount: "desc" } })).id;
      // An article whose stored HTML keeps an outlet's image, as extraction does.
      const article = await db.article.findFirstOrThrow();
      articleId = article.id;
      await db.article.update({
        where: { id: article.id },
        data: {
          html: `<p>Lead.</p><img src="https://images.outlet.example/harbour.jpg" alt="The harbour">${article.html}`,
        },
      });
    },
  });

  async function get(path: string) {
    const response = await fetch(ctx.app.baseUrl + path, { redirect: "manual" });
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(directive(policy, "script-src").join(" "))?.[1];
    return { response, policy, nonce, html: await response.text() };
  }

  it("allows scripts only by nonce, and every script of a page carries its response's nonce", async () => {
    const nonces: string[] = [];
    const cache: (string | null)[] = [];
    // The event page until it comes from the cache: its first views may render afresh while the event's
    // comparison is still being built (slow on a loaded machine); at most ten views.
    const paths = ["/", "/", "/login", ...Array.from({ length: 10 }, () => `/events/${eventId}`)];
    for (const path of paths) {
      if (cache.at(-1) === "hit") break;
      const { response, policy, nonce, html } = await get(path);
      const scriptSrc = directive(policy, "script-src");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(nonce, `${path}: ${policy}`).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      // No other nonce is left anywhere in the page (a stale one from the cached copy, say).
      const inPage = new Set([...html.matchAll(/nonce(?:="|\\":\\")([A-Za-z0-9+/=]+)/g)].map((m) => m[1]));
      expect([...inPage], path).toEqual([nonce]);
      nonces.push(nonce!);
      if (path.startsWith("/events/")) cache.push(response.headers.get("x-page-cache"));
    }
    // Every response its own nonce; the event page was stored once and then replayed from the cache.
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(cache).toContain("miss");
    expect(cache.at(-1)).toBe("hit");
  });

  it("loads no image from a third party: img-src is the origin, the reader view links to the outlet's image", async () => {
    const { policy, html } = await get(`/articles/${articleId}`);
    expect(directive(policy, "img-src")).toEqual(["'self'", "data:"]);
    const thirdParty = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)]
      .map((m) => m[1])
      .filter((src) => /^(https?:)?\/\//i.test(src));
    expect(thirdParty).toEqual([]);
    expect(html).toContain('href="https://images.outlet.example/harbour.jpg"');
    expect(html).toContain("Image from images.outlet.example: The harbour — open");
  });

  it("runs the page's scripts under the policy, from the cache as well", async () => {
    for (const path of ["/", `/events/${eventId}`, `/events/${eventId}`]) {
      const context = await ctx.browser.newContext();
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      const response = await page.goto(ctx.app.baseUrl + path);
      expect(response?.status()).toBe(200);
      // Next's client runtime sets window.next once its scripts have run; it is undefined on a refused page.
      await page.waitForFunction(() => (window as unknown as { next?: unknown }).next !== undefined, null, {
        timeout: 20_000,
      });
      expect(refused, path).toEqual([]);
      await context.close();
    }
  });
});

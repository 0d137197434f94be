// For a describe block of end-to-end tests: a temporary database (seeded by `seed`), the app started on it the
// way `npm start` does, and Chromium when asked, all stopped and removed after the block. The fields are filled in
// beforeAll, so read them inside hooks and tests.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db";
import { startApp } from "./app-server";
import { launchBrowser } from "./browser";
import { createTempDb } from "./temp-db";

export interface RunningApp {
  t: Awaited<ReturnType<typeof createTempDb>>;
  app: Awaited<ReturnType<typeof startApp>>;
  browser: Browser;
}

export function runningApp(options: { browser?: boolean; seed?: (db: Db) => Promise<void> } = {}): RunningApp {
  const ctx = {} as RunningApp;
  beforeAll(async () => {
    ctx.t = await createTempDb();
    await options.seed?.(ctx.t.db);
    ctx.app = await startApp(ctx.t.url);
    if (options.browser) ctx.browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
    await ctx.t?.cleanup();
  });
  return ctx;
}

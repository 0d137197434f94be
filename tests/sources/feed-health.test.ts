// A first failing poll must be visible where editors look (the sources page, /editor/sources) and in
// `npm run feeds:status`, not only in the log: a feed that failed and never once succeeded stands out as
// "never fetched: <error>", apart from a working feed that is failing for now; a shipped default feed whose URL was
// never verified is marked "unverified" until it answers. Real polls against a fixture server on 127.0.0.1.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditorSources } from "@/components/editor-sources";
import type { Db } from "@/lib/db";
import { pollFeed } from "@/lib/feeds/poll";
import { knownOutlets } from "@/lib/outlets/known-outlets";
import { listSourcesForAdmin } from "@/lib/source-admin/data";
import { feedHealth } from "@/lib/sources/feed-health";
import { type FixtureServer, startFixtureServer } from "@/tests/support/fixture-server";
import { runScript } from "@/tests/support/run-script";
import { createTempDb } from "@/tests/support/temp-db";

const RSS = `<rss version="2.0"><channel><title>Up</title><item><title>One</title><link>https://up.example/1</link></item></channel></rss>`;

let server: FixtureServer;
let db: Db;
let dbUrl: string;
let cleanup: () => Promise<void>;
let flaky = true;
const ids: Record<string, number> = {};

const unverifiedDefault = knownOutlets().find((o) => o.feed && !o.verified)!.feed!;
const verifiedDefault = knownOutlets().find((o) => o.feed && o.verified)!.feed!;

beforeAll(async () => {
  server = await startFixtureServer({
    "/down.xml": { status: 503, body: "maintenance" },
    "/flaky.xml": (_req, res) => {
      if (flaky) return void res.writeHead(502).end("bad gateway");
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS);
    },
  });
  ({ db, url: dbUrl, cleanup } = await createTempDb());
  const source = await db.source.create({ data: { name: "Gazette", domain: "gazette.example" } });
  const add = async (key: string, url: string) =>
    (ids[key] = (await db.feed.create({ data: { url, sourceId: source.id } })).id);
  await add("down", `${server.url}/down.xml`);
  await add("flaky", `${server.url}/flaky.xml`);
  // Defaults as the first start loads them: not polled here (no network), only listed.
  await add("unverified", unverifiedDefault);
  await add("verified", verifiedDefault);

  const poll = (id: number) => pollFeed(db, id, { allowHosts: [server.host], onItem: async () => {} });
  // flaky works once, then fails; down fails on its very first poll.
  flaky = false;
  expect((await poll(ids.flaky)).status).toBe("ok");
  flaky = true;
  expect((await poll(ids.flaky)).status).toBe("error");
  expect((await poll(ids.down)).status).toBe("error");
});

afterAll(async () => {
  await server?.close();
  await cleanup?.();
});

async function renderSourcesPage(): Promise<string> {
  const { sources, unfiled } = await listSourcesForAdmin(db);
  const noop = async () => {};
  return renderToStaticMarkup(
    createElement(EditorSources, {
      sources,
      unfiled,
      actions: { editSource: noop, setFeedEnabled: noop, setSourceEnabled: noop, addFeed: noop },
    }),
  );
}

/** The page's list item for one feed URL. */
function rowOf(html: string, url: string): string {
  const rows = html.split("<li").filter((row) => row.includes(`>${url}<`));
  expect(rows, url).toHaveLength(1);
  return rows[0];
}

describe("feed health after a first failing poll", () => {
  it("the sources page shows a feed that never succeeded as never fetched, with the error", async () => {
    const html = await renderSourcesPage();
    const down = rowOf(html, `${server.url}/down.xml`);
    expect(down).toContain(">never fetched<");
    expect(down).toContain(`never fetched: ${server.url}/down.xml answered HTTP 503`);
    // Red and bold, unlike the muted line of a healthy feed.
    expect(down).toMatch(/font-semibold text-red-700[^>]*>never fetched</);
  });

  it("tells it apart from a feed that worked before and is failing now", async () => {
    const flakyRow = rowOf(await renderSourcesPage(), `${server.url}/flaky.xml`);
    expect(flakyRow).toContain(">failing ×1<");
    expect(flakyRow).toContain(`last error: ${server.url}/flaky.xml answered HTTP 502`);
    expect(flakyRow).not.toContain("never fetched");
  });

  it("marks an unverified default feed, and not a verified one or one of the editors' own", async () => {
    const html = await renderSourcesPage();
    expect(rowOf(html, unverifiedDefault)).toContain(">unverified<");
    expect(rowOf(html, unverifiedDefault)).toContain(">not fetched yet<");
    expect(rowOf(html, verifiedDefault)).not.toContain("unverified");
    expect(rowOf(html, `${server.url}/down.xml`)).not.toContain("unverified");
  });

  it("stops calling a default feed unverified once it has been fetched", () => {
    const base = { url: unverifiedDefault, enabled: true, consecutiveFailures: 0, lastError: null };
    expect(feedHealth({ ...base, lastSuccessAt: null, lastFetchedAt: null }).unverified).toBe(true);
    const now = new Date();
    expect(feedHealth({ ...base, lastSuccessAt: now, lastFetchedAt: now })).toMatchObject({
      state: "ok",
      unverified: false,
    });
  });

  it("npm run feeds:status says the same", async () => {
    const { code, stdout } = await runScript("feeds-status", [], { DATABASE_URL: dbUrl });
    expect(code).toBe(0);
    expect(stdout).toContain(`    never fetched: ${server.url}/down.xml answered HTTP 503`);
    expect(stdout).toMatch(/NEVER FETCHED · last success never/);
    expect(stdout).toMatch(/FAILING ×1 · last success/);
    expect(stdout).toContain(`${unverifiedDefault}  (unverified default feed)`);
    expect(stdout).not.toContain(`${verifiedDefault}  (unverified`);
    expect(stdout).toContain("4 feeds, 2 failing (1 never fetched), 1 unverified defaults not yet fetched.");
  });
});

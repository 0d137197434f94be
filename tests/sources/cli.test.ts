// The sources and feeds CLIs, run as a user runs them (tsx, real argument parsing, exit codes).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createTempDbUrl } from "@/tests/support/temp-db";
import { parseOpml } from "@/lib/opml";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { runScript } from "@/tests/support/run-script";

const dir = mkdtempSync(path.join(tmpdir(), "parallax-sources-cli-"));
// A file in `dir`, or a database on the PostgreSQL test server in the "postgres" project.
let DATABASE_URL: string;
let dropDb: () => Promise<void>;

// Async: the fixture server lives in this process and must keep answering while a script runs.
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  runScript(script, args, { DATABASE_URL, ...env });

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

let db: Db;
beforeAll(async () => {
  ({ url: DATABASE_URL, drop: dropDb } = await createTempDbUrl(dir));
  db = createDb(DATABASE_URL);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDb();
});

describe("npm run sources:import / sources:export", () => {
  it("explains its usage and refuses unknown options", async () => {
    const none = await run("sources-import", []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run sources:import -- <file\.json\|file\.opml> \[--replace\]/);
    const bogus = await run("sources-import", ["x.json", "--bogus"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/Unknown option '--bogus'/);
    const format = await run("sources-export", ["--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be json or opml/);
  }, 60_000);

  it("names the bad entry of an invalid file", async () => {
    const bad = await run("sources-import", [file("bad.json", [{ name: "X", domain: "x.org", feeds: ["not-a-url"] }])]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/entry 1 \(x\.org\) feeds\.0: must be an http\(s\) URL/);
    const missing = await run("sources-import", [path.join(dir, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  }, 60_000);

  it("imports, replaces with --replace, and exports JSON and OPML", async () => {
    const first = await run("sources-import", [
      file("a.json", [
        { name: "BBC", domain: "bbc.co.uk", feeds: ["https://feeds.bbci.co.uk/news/world/rss.xml"], country: "GB" },
        { name: "Le Monde", domain: "lemonde.fr", feed: "https://www.lemonde.fr/rss/une.xml" },
      ]),
    ]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/sources: 2 new, 0 updated, feeds: 2 new/);
    const replaced = await run("sources-import", [
      file(
        "b.opml",
        `<opml version="2.0"><body><outline type="rss" text="NPR" xmlUrl="https://feeds.npr.org/1001/rss.xml" htmlUrl="https://www.npr.org/"/></body></opml>`,
      ),
      "--replace",
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/sources: 1 new, 0 updated, 2 removed, feeds: 1 new, 2 removed/);
    expect((await db.feed.findMany()).map((f) => f.url)).toEqual(["https://feeds.npr.org/1001/rss.xml"]);

    const json = await run("sources-export", []);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        name: "NPR",
        domain: "npr.org",
        country: "US",
        feeds: ["https://feeds.npr.org/1001/rss.xml"],
      }),
    ]);
    const opml = await run("sources-export", ["--format", "opml"]);
    expect(parseOpml(opml.stdout).feeds).toEqual([
      expect.objectContaining({ xmlUrl: "https://feeds.npr.org/1001/rss.xml", htmlUrl: "https://www.npr.org/" }),
    ]);
  }, 90_000);
});

describe("npm run feeds:add", () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({
      "/": {
        headers: { "content-type": "text/html" },
        body: `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="alternate" type="application/rss+xml" href="/comments.xml"></head><body></body></html>`,
      },
      "/rss.xml": {
        headers: { "content-type": "application/rss+xml" },
        body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture Times</title><item><title>A</title><link>/a</link></item></channel></rss>`,
      },
    });
  });
  afterAll(() => server.close());

  it("rejects a missing or non-http URL and a bad --source", async () => {
    expect((await run("feeds-add", [])).stderr).toMatch(/usage: npm run feeds:add/);
    const ftp = await run("feeds-add", ["ftp://example.org/feed"]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toMatch(/must be an absolute http\(s\) URL/);
    const src = await run("feeds-add", ["https://example.org/", "--source", "not a domain"]);
    expect(src.code).toBe(2);
    expect(src.stderr).toMatch(/--source must be a domain/);
  }, 60_000);

  it("refuses private addresses (SSRF guard) unless allowed", async () => {
    const blocked = await run("feeds-add", [`${server.url}/`]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/feeds:add failed: .*(private|loopback|not public|blocked)/i);
  }, 60_000);

  it("autodiscovers a homepage's feed, files it under --source, and does not add it twice", async () => {
    const env = { FETCH_ALLOW_HOSTS: server.host };
    const added = await run("feeds-add", [`${server.url}/`, "--source", "fixture-times.example"], env);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`added: #`);
    expect(added.stdout).toContain(`${server.url}/rss.xml (Fixture Times, fixture-times.example)`);
    expect(added.stdout).toContain(`also announced: ${server.url}/comments.xml`);
    const feed = await db.feed.findUniqueOrThrow({
      where: { url: `${server.url}/rss.xml` },
      include: { source: true },
    });
    expect(feed.title).toBe("Fixture Times");
    expect(feed.source?.domain).toBe("fixture-times.example");
    const again = await run("feeds-add", [`${server.url}/rss.xml`], env);
    expect(again.stdout).toMatch(/^already present: /);
  }, 60_000);
});

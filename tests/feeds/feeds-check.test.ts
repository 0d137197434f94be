// npm run feeds:check, run as an operator runs it (tsx, real argv, stdout a pipe) against a fixture server on
// 127.0.0.1: one JSON line per input, the scheduler's fetch and parser, the sanitizer on item bodies, the SSRF guard.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "@/tests/support/fixture-server";
import { runScript } from "@/tests/support/run-script";

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Fixture RSS</title><link>https://rss.example/</link>
<item><title>First &amp; foremost</title><link>https://rss.example/a</link><guid>rss-a</guid>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><dc:creator>Ann Writer</dc:creator>
<description>Teaser only</description>
<content:encoded><![CDATA[<p onclick="steal()">Body <a href="/more">more</a></p><script>alert(1)</script>]]></content:encoded></item>
<item><title>No link at all</title><guid isPermaLink="false">orphan</guid></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><link href="https://atom.example/"/>
<id>urn:atom</id><updated>2025-03-04T10:00:00Z</updated>
<entry><title>Atom entry</title><link href="https://atom.example/e1"/><id>urn:e1</id>
<updated>2025-03-04T09:00:00Z</updated><author><name>Bo Reporter</name></author>
<content type="html">&lt;p&gt;Atom body&lt;/p&gt;&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</content></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Fixture JSON",
  home_page_url: "https://json.example/",
  items: [
    {
      id: "j1",
      url: "https://json.example/j1",
      title: "JSON item",
      content_text: "Plain words.",
      date_published: "2025-03-04T08:00:00Z",
      authors: [{ name: "Cy" }],
    },
  ],
});

/** Big enough that its one line outgrows a pipe's buffer (64 KiB): cut output would not parse. */
const BIG_RSS = `<rss version="2.0"><channel><title>Big</title>${Array.from(
  { length: 400 },
  (_, i) =>
    `<item><title>Item ${i}</title><link>https://big.example/${i}</link><description>${"word ".repeat(100)}</description></item>`,
).join("")}</channel></rss>`;

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer({
    "/rss.xml": { headers: { "content-type": "application/rss+xml" }, body: RSS },
    "/atom.xml": { headers: { "content-type": "application/atom+xml" }, body: ATOM },
    "/feed.json": { headers: { "content-type": "application/feed+json" }, body: JSON_FEED },
    "/broken.xml": { headers: { "content-type": "application/rss+xml" }, body: "<rss><channel><title>oops</rss>" },
    "/big.xml": { headers: { "content-type": "application/rss+xml" }, body: BIG_RSS },
  });
  dir = mkdtempSync(path.join(tmpdir(), "parallax-feeds-check-"));
});

afterAll(async () => {
  await server?.close();
});

/** The fixture server is allowed as the tests of the scheduler allow it; nothing else on 127.0.0.1 is. */
const check = (...inputs: string[]) => runScript("feeds-check", inputs, { FETCH_ALLOW_HOSTS: server.host });
const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("npm run feeds:check", () => {
  it("prints an RSS feed's items with their bodies after the sanitizer, and what it skipped", async () => {
    const { code, stdout } = await check(`${server.url}/rss.xml`);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      {
        input: `${server.url}/rss.xml`,
        format: "rss",
        title: "Fixture RSS",
        link: "https://rss.example/",
        items: [
          {
            guid: "rss-a",
            url: "https://rss.example/a",
            title: "First & foremost",
            author: "Ann Writer",
            publishedAt: "2025-03-04T10:00:00.000Z",
            html: '<p>Body <a href="https://rss.example/more" rel="nofollow noopener noreferrer">more</a></p>',
            text: "Body more",
          },
        ],
        skipped: [{ reason: "item has no link", ref: "orphan" }],
      },
    ]);
  });

  it("reads Atom and JSON Feed, and a feed saved to a file, one line each in input order", async () => {
    const file = path.join(dir, "saved.xml");
    writeFileSync(file, RSS);
    const { code, stdout } = await check(`${server.url}/atom.xml`, `${server.url}/feed.json`, file);
    expect(code).toBe(0);
    const [atom, json, saved] = lines(stdout);
    expect(atom).toEqual({
      input: `${server.url}/atom.xml`,
      format: "atom",
      title: "Fixture Atom",
      link: "https://atom.example/",
      items: [
        {
          guid: "urn:e1",
          url: "https://atom.example/e1",
          title: "Atom entry",
          author: "Bo Reporter",
          publishedAt: "2025-03-04T09:00:00.000Z",
          html: "<p>Atom body</p>",
          text: "Atom body",
        },
      ],
      skipped: [],
    });
    expect(json).toEqual({
      input: `${server.url}/feed.json`,
      format: "json",
      title: "Fixture JSON",
      link: "https://json.example/",
      items: [
        {
          guid: "j1",
          url: "https://json.example/j1",
          title: "JSON item",
          author: "Cy",
          publishedAt: "2025-03-04T08:00:00.000Z",
          html: "<p>Plain words.</p>",
          text: "Plain words.",
        },
      ],
      skipped: [],
    });
    expect(saved).toMatchObject({ input: file, format: "rss", title: "Fixture RSS", items: [{ guid: "rss-a" }] });
  });

  it("reports a malformed feed, a missing file and a refused private address as {input, error}, exit 1", async () => {
    const missing = path.join(dir, "missing.xml");
    // localhost:<port> is the fixture server itself, but only "127.0.0.1:<port>" is allowed: the guard refuses it.
    const privateUrl = `http://localhost:${server.port}/rss.xml`;
    const before = server.requests.length;
    const { code, stdout } = await check(`${server.url}/broken.xml`, missing, privateUrl, `${server.url}/rss.xml`);
    expect(code).toBe(1);
    const [broken, gone, refused, fine] = lines(stdout);
    expect(broken).toEqual({ input: `${server.url}/broken.xml`, error: expect.stringMatching(/^Malformed XML/) });
    expect(gone).toEqual({ input: missing, error: `no such file: ${missing}` });
    expect(refused).toEqual({ input: privateUrl, error: expect.stringMatching(/private|loopback|not public/i) });
    expect(fine).toMatchObject({ input: `${server.url}/rss.xml`, format: "rss" });
    // Only the two allowed URLs reached the server: the refused one was stopped before connecting.
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/broken.xml", "/rss.xml"]);
  });

  it("writes its whole output into a pipe, however long the line", async () => {
    const { code, stdout } = await check(`${server.url}/big.xml`);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    expect(lines(stdout)[0].items).toHaveLength(400);
  });

  it("explains itself with --help (exit codes included) and refuses to run without inputs", async () => {
    const help = await check("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit code: 0 when every input parsed, 1 when any failed/);
    const none = await check();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run --silent feeds:check/);
  });
});

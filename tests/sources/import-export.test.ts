import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/mutations";
import { parseOpml } from "@/lib/opml";
import { createTempDb } from "@/tests/support/temp-db";
import { exportSources, exportSourcesAs } from "@/lib/sources/export";
import { importSources } from "@/lib/sources/import";
import { readSourcesFile } from "@/lib/sources/read-file";
import { parseSourceList } from "@/lib/sources/source-list";

const LIST = parseSourceList([
  {
    name: "BBC",
    domain: "bbc.co.uk",
    homepage: "https://www.bbc.com/news",
    feeds: ["https://feeds.bbci.co.uk/news/world/rss.xml"],
    country: "GB",
    language: "en",
    kind: "public-broadcaster",
    lean: "center",
  },
  {
    name: "Le Monde",
    domain: "www.lemonde.fr",
    feed: "https://www.lemonde.fr/rss/une.xml",
    country: "FR",
    language: "fr",
  },
]);

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parallax-sources-")), name);
  writeFileSync(file, content);
  return file;
}

describe("parseSourceList", () => {
  it("normalises domains and accepts the catalogue's single `feed`", () => {
    expect(LIST[1]).toMatchObject({ domain: "lemonde.fr", feeds: ["https://www.lemonde.fr/rss/une.xml"] });
  });

  it("names the entry and field of every problem", () => {
    expect(() =>
      parseSourceList([
        { name: "X", domain: "x.org", feeds: ["javascript:alert(1)"] },
        { domain: "y.org", country: "gb" },
      ]),
    ).toThrow(
      /entry 1 \(x\.org\) feeds\.0: must be an http\(s\) URL[\s\S]*entry 2 \(y\.org\) name[\s\S]*entry 2 \(y\.org\) country: must be an ISO 3166/,
    );
    expect(() => parseSourceList({ not: "a list" })).toThrow(/Invalid sources list/);
    expect(() =>
      parseSourceList([{ name: "Z", domain: "z.org", ownership: "Owner\nInjected: yes", enabled: "maybe" }]),
    ).toThrow(
      /entry 1 \(z\.org\) ownership: cannot contain invisible or control characters \(U\+000A at character 6\)[\s\S]*entry 1 \(z\.org\) enabled/,
    );
  });
});

describe("importSources / exportSources", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeEach(async () => {
    t = await createTempDb();
  });
  afterEach(() => t.cleanup());

  it("merges by default: creates, updates stated fields only, keeps what is not listed", async () => {
    await t.db.source.create({
      data: { name: "Old", domain: "old.example", feeds: { create: { url: "https://old.example/feed" } } },
    });
    await t.db.source.create({ data: { name: "lemonde.fr", domain: "lemonde.fr", lean: "lean-left" } });
    const report = await importSources(t.db, LIST);
    expect(report).toEqual({ sourcesCreated: 1, sourcesUpdated: 1, sourcesRemoved: 0, feedsAdded: 2, feedsRemoved: 0 });
    const lemonde = await t.db.source.findUniqueOrThrow({ where: { domain: "lemonde.fr" } });
    expect(lemonde).toMatchObject({ name: "Le Monde", country: "FR", lean: "lean-left" });
    expect(await t.db.feed.count()).toBe(3);
    // Importing again changes nothing.
    expect((await importSources(t.db, LIST)).feedsAdded).toBe(0);
  });

  it("--replace drops feeds and article-less sources not in the list, keeps sources that have articles", async () => {
    await t.db.source.create({
      data: { name: "Gone", domain: "gone.example", feeds: { create: { url: "https://gone.example/rss" } } },
    });
    await t.db.source.create({
      data: { name: "Kept", domain: "kept.example", feeds: { create: { url: "https://kept.example/rss" } } },
    });
    const text = "One short article body that is long enough to be stored by the test. ".repeat(3);
    await saveArticle(t.db, {
      article: {
        title: "T",
        text,
        html: `<p>${text}</p>`,
        url: "https://kept.example/a",
        source: { name: "Kept", domain: "kept.example" },
        byline: null,
        publishedAt: null,
        language: "en",
      },
      origin: "test",
      content: Buffer.from(text),
      format: "txt",
    });
    const report = await importSources(t.db, LIST, { replace: true });
    expect(report).toMatchObject({ sourcesCreated: 2, sourcesRemoved: 1, feedsAdded: 2, feedsRemoved: 2 });
    expect((await t.db.source.findMany({ orderBy: { domain: "asc" } })).map((s) => s.domain)).toEqual([
      "bbc.co.uk",
      "kept.example",
      "lemonde.fr",
    ]);
    expect((await t.db.feed.findMany({ orderBy: { url: "asc" } })).map((f) => f.url)).toEqual([
      "https://feeds.bbci.co.uk/news/world/rss.xml",
      "https://www.lemonde.fr/rss/une.xml",
    ]);
  });

  it("exports JSON and OPML that import back to the same sources", async () => {
    await importSources(t.db, LIST);
    // What only an editor sets travels too: a disabled outlet stays disabled, its owner stays recorded.
    await t.db.source.update({
      where: { domain: "lemonde.fr" },
      data: { enabled: false, ownership: "Groupe Le Monde" },
    });
    await t.db.feed.create({ data: { url: "https://blog.example.org/feed.xml", title: "A blog" } });
    const entries = await exportSources(t.db);
    expect(entries.map((e) => e.domain)).toEqual(["bbc.co.uk", "example.org", "lemonde.fr"]);

    for (const format of ["json", "opml"] as const) {
      const file = tempFile(`export.${format}`, await exportSourcesAs(t.db, format));
      const back = await readSourcesFile(file);
      const again = await createTempDb();
      try {
        await importSources(again.db, back);
        expect(await exportSources(again.db), format).toEqual(
          // An orphan feed comes back attached to a source named after it.
          entries.map((e) =>
            e.domain === "example.org"
              ? {
                  ...e,
                  country: null,
                  language: null,
                  kind: null,
                  lean: null,
                  homepage: null,
                  ownership: null,
                  enabled: true,
                }
              : e,
          ),
        );
      } finally {
        await again.cleanup();
      }
    }
    expect(parseOpml(await exportSourcesAs(t.db, "opml")).feeds).toHaveLength(3);
  });

  it("reads OPML from a feed reader, finding outlets from the catalogue", async () => {
    const file = tempFile(
      "subs.opml",
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="World">
        <outline type="rss" text="BBC News - World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world"/>
        <outline type="rss" text="BBC News - Europe" xmlUrl="https://feeds.bbci.co.uk/news/world/europe/rss.xml"/>
        <outline type="rss" text="Someone's blog" xmlUrl="https://feeds.feedburner.com/someblog" htmlUrl="https://someblog.net/"/>
      </outline></body></opml>`,
    );
    const entries = await readSourcesFile(file);
    expect(entries).toEqual([
      expect.objectContaining({
        domain: "bbc.co.uk",
        name: "BBC",
        country: "GB",
        kind: "public-broadcaster",
        feeds: ["https://feeds.bbci.co.uk/news/world/rss.xml", "https://feeds.bbci.co.uk/news/world/europe/rss.xml"],
      }),
      expect.objectContaining({
        domain: "someblog.net",
        name: "Someone's blog",
        feeds: ["https://feeds.feedburner.com/someblog"],
      }),
    ]);
  });

  it("explains a file that is neither OPML nor JSON", async () => {
    await expect(readSourcesFile(tempFile("x.txt", "hello"))).rejects.toThrow(/neither OPML nor valid JSON/);
    await expect(readSourcesFile("/nonexistent/sources.json")).rejects.toThrow(/no such file/);
  });
});

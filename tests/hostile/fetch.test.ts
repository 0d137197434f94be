// The real fetch and ingest path against a hostile server on 127.0.0.1: every hostile response ends with its
// reason recorded (an IngestFailure row or the feed's lastError) and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "@/lib/feeds/poll";
import { ingestInput } from "@/lib/pipeline/ingest";
import { type HostileServer, startHostileServer } from "@/tests/support/hostile-server";
import { createTempDb } from "@/tests/support/temp-db";

describe("ingesting from a hostile server", () => {
  let server: HostileServer;
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    server = await startHostileServer();
    t = await createTempDb();
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  const ingestUrl = async (path: string) => {
    const url = `${server.url}${path}`;
    const result = await ingestInput({ kind: "url", url }, { db: t.db, allowHosts: [server.host] });
    const failures = await t.db.ingestFailure.findMany({ where: { origin: url } });
    return { result, failures };
  };

  it.each([
    ["/endless", /sent more than \d+ bytes/],
    ["/gzip-bomb", /decompresses to more than \d+ bytes/],
    ["/brotli-bomb", /decompresses to more than \d+ bytes/],
    ["/page.html.gz", /input too large|decompresses to more than/],
    ["/loop-a", /Redirect loop/],
    ["/chain/0", /More than \d+ redirects/],
    ["/png-as-html", /binary content/],
  ])("%s fails with its reason recorded and stores nothing", async (path, reason) => {
    const { result, failures } = await ingestUrl(path);
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringMatching(reason) });
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toMatch(reason);
    expect(await t.db.article.count()).toBe(0);
    expect(await t.db.event.count()).toBe(0);
  });

  it("a feed that trickles one byte a second is cut off by the total timeout and recorded on the feed", async () => {
    const feed = await t.db.feed.create({ data: { url: `${server.url}/trickle` } });
    const started = Date.now();
    const result = await pollFeed(t.db, feed.id, {
      allowHosts: [server.host],
      timeoutMs: 2500,
      onItem: async () => {},
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ status: "error", error: expect.stringMatching(/took over 2500 ms/) });
    const row = await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/took over 2500 ms/) });
  });

  it("an endless feed is cut off at the size limit and recorded on the feed", async () => {
    const feed = await t.db.feed.create({ data: { url: `${server.url}/endless` } });
    const result = await pollFeed(t.db, feed.id, {
      allowHosts: [server.host],
      maxBytes: 1024 * 1024,
      onItem: async () => {},
    });
    expect(result).toMatchObject({ status: "error", error: expect.stringMatching(/sent more than 1048576 bytes/) });
    const row = await t.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.lastError).toMatch(/sent more than 1048576 bytes/);
    expect(await t.db.article.count()).toBe(0);
  });
});

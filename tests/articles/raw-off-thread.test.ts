// Issue #16, Medium (size): "keep the server answering while a worker ingests". Extraction left the thread that
// answers readers, but storing still gzipped the raw input there: gzipSync of a 19 MB page held the thread for over
// a second. The raw input is now compressed on libuv's thread pool.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/mutations";
import { longText } from "../support/long-text";
import { createTempDb } from "../support/temp-db";

describe("storing an article with a 19 MB raw input", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  it("leaves this thread free while the raw input is compressed", async () => {
    const content = Buffer.from(longText(19_000_000));
    // What compressing it here would hold the thread for, on this machine, now.
    const started = performance.now();
    gzipSync(content);
    const inline = performance.now() - started;

    let last = performance.now();
    let longestGap = 0;
    const tick = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    };
    const timer = setInterval(tick, 5);
    const saved = await saveArticle(t.db, {
      article: {
        title: "A page with a huge raw input",
        source: null,
        byline: null,
        publishedAt: null,
        language: "en",
        url: "https://example.org/huge",
        text: "The stored text is short; only the raw input is large, and it is what gets compressed.",
        html: "<p>The stored text is short; only the raw input is large, and it is what gets compressed.</p>",
      },
      origin: "huge.txt",
      content,
      format: "txt",
    });
    clearInterval(timer);
    tick();
    expect(saved.outcome).toBe("new");
    expect(longestGap).toBeLessThan(inline / 2);
    const stored = await t.db.article.findUniqueOrThrow({ where: { id: saved.id } });
    expect(Buffer.from(stored.raw).length).toBeLessThan(content.length);
  });
});

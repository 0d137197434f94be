// Issue #16: nothing bounded an article's size. A 9.5 MB page was stored whole, and the comparison of its event
// threw "Set maximum size exceeded" after a long stall, so the event page was rebuilt (and failed) on every view.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ARTICLE_TEXT_CHARS } from "@/lib/articles/cap-article";
import { getComparison } from "@/lib/compare/cache";
import { MAX_COMPARE_TEXT_CHARS } from "@/lib/compare/build";
import { ingestInputs } from "@/lib/pipeline/ingest";
import { longText } from "../support/long-text";
import { createTempDb } from "../support/temp-db";

const TEN_MB = 10_000_000;

describe("a ~10 MB page", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let file: string;
  let text: string;
  beforeAll(async () => {
    t = await createTempDb();
    text = longText(TEN_MB);
    const body = text
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("\n");
    file = path.join(t.dir, "giant.html");
    writeFileSync(
      file,
      `<!DOCTYPE html><html><head><title>A giant page</title></head><body><article><h1>A giant page</h1>${body}</article></body></html>`,
    );
  });
  afterAll(() => t.cleanup());

  it("is stored with its text and HTML cut near the cap, marked as cut, and a rerun is a duplicate", async () => {
    const report = await ingestInputs([file], { db: t.db });
    expect(report.counts).toEqual({ new: 1, updated: 0, duplicate: 0, failed: 0 });
    const stored = await t.db.article.findFirstOrThrow();
    expect(stored.text.length).toBeLessThanOrEqual(MAX_ARTICLE_TEXT_CHARS);
    expect(stored.text.length).toBeGreaterThan(MAX_ARTICLE_TEXT_CHARS * 0.8);
    // The kept text is the page's own beginning, cut at a paragraph, then the note.
    const [kept, note] = [stored.text.slice(0, stored.text.lastIndexOf("\n\n")), stored.text.split("\n\n").at(-1)];
    expect(text.startsWith(kept)).toBe(true);
    expect(note).toMatch(/^\[Article cut: its text ran to 10,\d{3},\d{3} characters/);
    expect(stored.html.length).toBeLessThan(MAX_ARTICLE_TEXT_CHARS * 1.2);
    expect(stored.html.endsWith(`<p>${note}</p>`)).toBe(true);
    expect(stored.html.startsWith(`<p>${text.slice(0, 100)}`)).toBe(true);

    const again = await ingestInputs([file], { db: t.db });
    expect(again.counts).toEqual({ new: 0, updated: 0, duplicate: 1, failed: 0 });
  });

  it("lets its event's comparison build, reading a bounded prefix of each member", async () => {
    const event = await t.db.event.findFirstOrThrow();
    // A row stored before the cap: the comparison must bound what it reads by itself.
    const article = await t.db.article.findFirstOrThrow();
    await t.db.article.update({ where: { id: article.id }, data: { text } });
    const result = await getComparison(t.db, event.id);
    if (!result || !("comparison" in result)) throw new Error(`no comparison: ${JSON.stringify(result)}`);
    const sentences = result.comparison.articles[0].sentences;
    const readChars = sentences.reduce((n, s) => n + s.text.length + 1, 0);
    expect(readChars).toBeLessThanOrEqual(MAX_COMPARE_TEXT_CHARS);
    expect(readChars).toBeGreaterThan(MAX_COMPARE_TEXT_CHARS * 0.8);
  });
});

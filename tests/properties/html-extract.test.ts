// extractHtml and extractDocument on hostile pages: a well-formed ExtractedArticle or an ExtractionError (the
// document.ts refusals: empty, binary, too large, invalid gzip, no article text); never a TypeError or a
// RangeError (stack overflow on deep nesting), never a hang.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDocument } from "@/lib/extract/document";
import { extractHtml } from "@/lib/extract/html";
import { ExtractionError } from "@/lib/extract/types";
import { assertProperty, expectBoundedOutcome, heapMeter, outcomeTally, preview } from "./bounded-case";
import {
  deeplyNested,
  encodingDeclarations,
  entityStorm,
  hostileUrl,
  hugeAttribute,
  markupSoup,
  PROSE,
  page,
  randomBytes,
  randomText,
} from "./hostile-inputs";
import { extractedArticleSchema, extractionSchema } from "./schemas";

const refusals = { classes: [ExtractionError] };

const hostilePage = fc.oneof(
  deeplyNested,
  hugeAttribute,
  entityStorm.map((storm) => page(`<p>${storm}</p>`, `<title>${storm.slice(0, 2000)}</title>`)),
  markupSoup.map((soup) => page(soup)),
  markupSoup,
  randomText,
  hostileUrl.map((url) =>
    page(`<p><a href="${url}">${PROSE}</a></p>`, `<link rel="canonical" href="${url}"><base href="${url}">`),
  ),
);

describe("HTML extraction properties", () => {
  it("extractHtml returns a well-formed article or an ExtractionError for hostile markup", async () => {
    const heap = heapMeter();
    const tally = outcomeTally("html extract");
    await assertProperty(
      fc.asyncProperty(hostilePage, fc.option(hostileUrl, { nil: undefined }), async (html, url) => {
        tally.add(
          await expectBoundedOutcome(
            () => extractHtml(html, { url }),
            extractedArticleSchema,
            refusals,
            () => preview(html),
          ),
        );
      }),
      { numRuns: 300 },
    );
    expect(tally.print().result).toBeGreaterThan(0);
    expect(heap.growthMb()).toBeLessThan(512);
  });

  it("extractDocument returns a well-formed extraction or an ExtractionError for hostile bytes and encodings", async () => {
    const heap = heapMeter();
    const tally = outcomeTally("document extract");
    const declared = fc
      .tuple(encodingDeclarations, fc.oneof(hostilePage, fc.constant(page(`<p>${PROSE}</p>`))))
      .map(([enc, html]) => ({
        bytes: Buffer.from(
          `${enc.bom}<?xml version="1.0" encoding="${enc.first}"?>${html.replace("<head>", `<head><meta charset="${enc.second}"><meta http-equiv="Content-Type" content="text/html; charset=${enc.first}">`)}`,
        ),
        charset: enc.header,
      }));
    const input = fc.record({
      content: fc.oneof(
        declared,
        randomBytes.map((bytes) => ({ bytes, charset: null })),
        hostilePage.map((html) => ({ bytes: Buffer.from(html), charset: null })),
      ),
      name: fc.constantFrom("page.html", "dump.txt", "page.html.gz", "x", "a.xhtml", ""),
      gzip: fc.constantFrom("none", "whole", "truncated"),
      contentType: fc.constantFrom(
        null,
        "text/html",
        "text/plain",
        "application/octet-stream",
        "text/html; charset=utf-16",
      ),
      url: fc.option(hostileUrl, { nil: null }),
    });
    await assertProperty(
      fc.asyncProperty(input, async ({ content, name, gzip, contentType, url }) => {
        let bytes = content.bytes;
        if (gzip !== "none") bytes = gzipSync(bytes);
        if (gzip === "truncated") bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
        tally.add(
          await expectBoundedOutcome(
            () => extractDocument({ bytes, name, url, contentType, charset: content.charset }),
            extractionSchema,
            refusals,
            () => `${name} ${gzip} ${content.charset} ${preview(bytes)}`,
          ),
        );
      }),
      { numRuns: 300 },
    );
    expect(tally.print().result).toBeGreaterThan(0);
    expect(heap.growthMb()).toBeLessThan(512);
  });
});

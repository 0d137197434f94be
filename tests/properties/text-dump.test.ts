// extractTextDump on hostile text: a well-formed ExtractedArticle or an ExtractionError, never a TypeError or a
// hang. Inputs stay under ~3,000 lines: the known quadratic re-join of hard-wrapped lines in normalise-lines.ts
// is being made linear separately (issue #16, High), and this property is not its regression test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractTextDump } from "@/lib/extract/text-dump";
import { ExtractionError } from "@/lib/extract/types";
import { assertProperty, expectBoundedOutcome, heapMeter, outcomeTally, preview } from "./bounded-case";
import { entityStorm, hostileUrl, PROSE, randomText } from "./hostile-inputs";
import { extractedArticleSchema } from "./schemas";

const refusals = { classes: [ExtractionError] };

/** Lines a copied news page has (headline, byline, dates, URLs, furniture, prose), in hostile variants. */
const dumpLine = fc.oneof(
  fc.constantFrom(
    PROSE,
    "By Jane Doe and",
    "By",
    "Published 31 February 2025, 25:61",
    "Updated: 1970-01-01T00:00:00Z",
    "2100-12-31",
    "Share this article",
    "Advertisement",
    "© 2025 Example News",
    "",
    "   ",
    "\u00A0\u200B\u2060",
    "\u202Eevil\u202C",
    "a",
    "Source: https://",
    "Original URL:",
    "the sentence goes on in lowercase,",
    "and continues here without a stop",
  ),
  hostileUrl,
  fc.string({ maxLength: 120 }),
  entityStorm.map((s) => s.slice(0, 500)),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);

const dump = fc.oneof(
  // An article with hostile lines mixed into it, so that many cases get as far as a result.
  fc
    .array(fc.oneof({ arbitrary: fc.constant(PROSE), weight: 3 }, { arbitrary: dumpLine, weight: 1 }), {
      minLength: 3,
      maxLength: 200,
    })
    .map((lines) => `A headline about the budget\nBy Jane Doe\n${lines.join("\n\n")}`),
  fc.array(dumpLine, { maxLength: 400 }).map((lines) => lines.join("\n")),
  fc
    .record({
      lines: fc.array(dumpLine, { maxLength: 30 }),
      times: fc.integer({ min: 1, max: 100 }),
      eol: fc.constantFrom("\n", "\r\n", "\r", "\u2028", "\n\n"),
    })
    .map(({ lines, times, eol }) => Array.from({ length: times }, () => lines.join(eol)).join(eol)),
  fc.string({ maxLength: 200_000 }).filter((s) => s.split("\n").length < 3000),
  randomText,
);

describe("text-dump properties", () => {
  it("extractTextDump returns a well-formed article or an ExtractionError for hostile dumps", async () => {
    const heap = heapMeter();
    const tally = outcomeTally("text dump");
    await assertProperty(
      fc.asyncProperty(
        dump,
        fc.option(hostileUrl, { nil: undefined }),
        fc.constantFrom(undefined, "x.txt", "2025-03-04-news.example-budget.txt", "../../etc/passwd"),
        async (text, url, fileName) => {
          tally.add(
            await expectBoundedOutcome(
              () => extractTextDump(text, { url, fileName }),
              extractedArticleSchema,
              refusals,
              () => preview(text),
            ),
          );
        },
      ),
      { numRuns: 400 },
    );
    expect(tally.print().result).toBeGreaterThan(0);
    expect(heap.growthMb()).toBeLessThan(512);
  });
});

// canonicalUrl on hostile links: never throws, answers null or an http(s) URL without credentials or fragment,
// and is idempotent (a canonical URL canonicalises to itself, or a re-import would store an article twice).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "@/lib/extract/canonical-url";
import { assertProperty, expectBoundedOutcome, heapMeter, preview } from "./bounded-case";
import { hostileUrl } from "./hostile-inputs";
import { z } from "zod";

const canonicalSchema = z
  .string()
  .nullable()
  .refine((value) => {
    if (value === null) return true;
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password && !url.hash;
  }, "null or an http(s) URL without credentials or fragment");

describe("canonicalUrl properties", () => {
  it("answers null or a clean, idempotent http(s) URL for any string", async () => {
    const heap = heapMeter();
    let cases = 0;
    await assertProperty(
      fc.asyncProperty(hostileUrl, async (input) => {
        cases++;
        await expectBoundedOutcome(
          () => canonicalUrl(input),
          canonicalSchema,
          { classes: [] },
          () => preview(input),
        );
        const once = canonicalUrl(input);
        if (once !== null) expect(canonicalUrl(once), `not idempotent on ${preview(input)}`).toBe(once);
      }),
      { numRuns: 3000 },
    );
    console.log(`canonical url: ${cases} cases`);
    expect(heap.growthMb()).toBeLessThan(256);
  });
});

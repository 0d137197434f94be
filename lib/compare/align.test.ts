import { describe, expect, it } from "vitest";
import { alignArticles } from "./align";

describe("alignArticles", () => {
  it("puts matching sentences side by side and keeps the others in place", () => {
    const rows = alignArticles(
      "The envoy met the president for three hours. Oil prices rose. Aides called the talks constructive.",
      "Farmers protested. The president met the envoy for three hours on Friday. The Kremlin called the talks constructive.",
    );
    expect(rows.map((r) => [r.left?.slice(0, 12) ?? null, r.right?.slice(0, 12) ?? null])).toEqual([
      [null, "Farmers prot"],
      ["The envoy me", "The presiden"],
      ["Oil prices r", null],
      ["Aides called", "The Kremlin "],
    ]);
    expect(rows[1].diff?.some((d) => d.op === "ins")).toBe(true);
    expect(rows[2].diff).toBeNull();
  });
});

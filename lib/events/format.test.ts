import { describe, expect, it } from "vitest";
import {
  countryName,
  formatDateTime,
  formatSpan,
  joinNames,
  langAttribute,
  languageName,
  paragraphs,
  plural,
} from "./format";

describe("dates", () => {
  // vitest runs in Asia/Kathmandu (UTC+5:45): local-time leaks would show up as :45 minutes.
  it("formats in UTC whatever the process zone", () => {
    expect(formatDateTime(new Date("2024-03-12T23:30:00Z"))).toBe("12 Mar 2024, 23:30 UTC");
  });

  it("collapses a span within one UTC day", () => {
    expect(formatSpan(new Date("2024-03-12T09:10:00Z"), new Date("2024-03-12T14:05:00Z"))).toBe(
      "12 Mar 2024, 09:10–14:05 UTC",
    );
    expect(formatSpan(new Date("2024-03-12T20:00:00Z"), new Date("2024-03-13T01:00:00Z"))).toBe(
      "12 Mar 2024, 20:00 UTC – 13 Mar 2024, 01:00 UTC",
    );
    const t = new Date("2024-03-12T09:10:00Z");
    expect(formatSpan(t, t)).toBe("12 Mar 2024, 09:10 UTC");
  });

  it("shows a date printed without a time as a day, not as midnight", () => {
    expect(formatDateTime(new Date("2025-04-25T00:00:00Z"))).toBe("25 Apr 2025");
    expect(formatSpan(new Date("2025-04-25T00:00:00Z"), new Date("2025-05-12T00:00:00Z"))).toBe(
      "25 Apr 2025 – 12 May 2025",
    );
    expect(formatSpan(new Date("2025-04-25T00:00:00Z"), new Date("2025-04-26T08:30:00Z"))).toBe(
      "25 Apr 2025 – 26 Apr 2025, 08:30 UTC",
    );
  });
});

describe("names", () => {
  it("spells out region codes and keeps other values", () => {
    expect(countryName("ua")).toBe("Ukraine");
    expect(countryName("International")).toBe("International");
    expect(countryName(null)).toBeNull();
    expect(countryName("  ")).toBeNull();
  });

  it("accepts only well-formed language tags", () => {
    expect(langAttribute("en-gb")).toBe("en-GB");
    expect(langAttribute('en" onload="x')).toBeUndefined();
    expect(languageName("uk")).toBe("Ukrainian");
    expect(languageName(null)).toBeNull();
  });

  it("joins names in English", () => {
    expect(joinNames([])).toBe("");
    expect(joinNames(["A"])).toBe("A");
    expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
    expect(joinNames(["A", "B", "C", "D"], 2)).toBe("A, B and 2 more");
    expect(plural(1, "outlet")).toBe("1 outlet");
    expect(plural(3, "outlet")).toBe("3 outlets");
  });
});

describe("paragraphs", () => {
  it("splits on blank lines and unwraps single newlines", () => {
    expect(paragraphs("One\nline.\n\n  \nTwo.\n\n\n")).toEqual(["One line.", "Two."]);
  });
});

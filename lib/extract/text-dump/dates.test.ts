import { describe, expect, it } from "vitest";
import { dateFromUrl, findDates, findYearlessDate } from "./dates";

const day = (text: string) => findDates(text)[0]?.date.toISOString() ?? null;

describe("findDates", () => {
  it.each([
    ["Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025, 18:14", "2025-04-25T00:00:00.000Z"],
    ["ANI April 26, 2025 368 views", "2025-04-26T00:00:00.000Z"],
    [" date 2025-05-12 403", "2025-05-12T00:00:00.000Z"],
    ["Опубліковано 14 березня 2025, 10:30", "2025-03-14T00:00:00.000Z"],
    ["25 апреля 2025 г.", "2025-04-25T00:00:00.000Z"],
    ["Publié le 3 mai 2025", "2025-05-03T00:00:00.000Z"],
    ["Stand: 25. April 2025", "2025-04-25T00:00:00.000Z"],
    ["25 de abril de 2025", "2025-04-25T00:00:00.000Z"],
    ["发布时间：2025年4月26日 10:00", "2025-04-26T00:00:00.000Z"],
    ["Updated 25.04.2025", "2025-04-25T00:00:00.000Z"],
    ["2025-04-25T18:14:00+03:00", "2025-04-25T15:14:00.000Z"],
  ])("%s", (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it("ignores impossible dates and bare numbers", () => {
    expect(findDates("31 February 2025")).toEqual([]);
    expect(findDates("killed 12 people, 2025 soldiers")).toEqual([]);
  });
});

describe("findYearlessDate", () => {
  it("reads a dateline and completes the year", () => {
    expect(findYearlessDate("Moscow, April 25: Russian President", 2025)?.date.toISOString()).toBe(
      "2025-04-25T00:00:00.000Z",
    );
  });
});

describe("dateFromUrl", () => {
  it("reads dashed, slashed and compact dates from the path only", () => {
    expect(dateFromUrl("https://news.cgtn.com/news/2025-04-26/Trump-says/p.html")?.toISOString()).toBe(
      "2025-04-26T00:00:00.000Z",
    );
    expect(dateFromUrl("https://example.com/world/2025/04/26/story")?.toISOString()).toBe("2025-04-26T00:00:00.000Z");
    expect(dateFromUrl("https://example.com/a/20250426/story")?.toISOString()).toBe("2025-04-26T00:00:00.000Z");
    expect(dateFromUrl("https://example.com/story?date=2025-04-26")).toBeNull();
    expect(dateFromUrl("not a url")).toBeNull();
  });
});

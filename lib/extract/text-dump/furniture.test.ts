import { describe, expect, it } from "vitest";
import { furnitureKind } from "./furniture";

describe("furnitureKind", () => {
  it.each([
    ["Advertisement:", "inline"],
    ["Реклама", "inline"],
    ["广告", "inline"],
    ["阅读原文:https://news.example.com/a.html", "inline"],
    ["Share this article", "inline"],
    ["368 views", "inline"],
    ["Stock photo: Getty Images", "inline"],
    [
      "We use cookies to improve your experience on our site and to show you relevant advertising, and by continuing to browse you accept them all without exception.",
      "inline",
    ],
    ["Key Points", "box-header"],
    ["Leave a Comment", "section-break"],
    ["CommentsNo comment", "section-break"],
    ["Tags:", "section-break"],
    ["You May Like!", "section-break"],
    ["Legal Disclaimer:", "section-break"],
    ["Sorry!!", "section-break"],
    ["التعليقات", "section-break"],
    ["© 2025 Example Media", "section-break"],
    ["Support Ukrainska Pravda on Patreon!", "section-break"],
  ])("%s → %s", (line, kind) => {
    expect(furnitureKind(line)).toBe(kind);
  });

  it("leaves article sentences alone even when they start with a furniture word", () => {
    expect(furnitureKind("Share prices fell sharply on Monday after the announcement.")).toBeNull();
    expect(furnitureKind("Home Secretary Yvette Cooper said the plan would be published next week.")).toBeNull();
    expect(furnitureKind("Comments by the minister drew criticism from the opposition.")).toBeNull();
    expect(furnitureKind("Details: Ushakov said the talks were useful.")).toBeNull();
  });
});

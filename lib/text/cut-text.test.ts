import { describe, expect, it } from "vitest";
import { cutText } from "./cut-text";

describe("cutText", () => {
  it("leaves a text within the budget alone", () => {
    expect(cutText("One. Two.", 9)).toBe("One. Two.");
  });

  it("cuts at the last paragraph, else sentence, else word boundary within the budget", () => {
    const paragraphs = `${"a".repeat(85)}\n\n${"b".repeat(30)}`;
    expect(cutText(paragraphs, 100)).toBe("a".repeat(85));
    expect(cutText(`${"a ".repeat(42)}end. More words here and there`, 100)).toBe(`${"a ".repeat(42)}end.`);
    expect(cutText("word ".repeat(30), 100)).toBe("word ".repeat(20).trimEnd());
  });

  it("cuts a text without boundaries at the budget, never inside a surrogate pair", () => {
    expect(cutText("x".repeat(300), 100)).toHaveLength(100);
    const emoji = `${"x".repeat(99)}😀😀`;
    expect(cutText(emoji, 100)).toBe("x".repeat(99));
  });
});

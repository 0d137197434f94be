import { describe, expect, it } from "vitest";
import { splitParagraph, splitParagraphs, splitSentences } from "./sentences";

describe("splitParagraph", () => {
  it("splits plain sentences", () => {
    expect(splitParagraph("One thing happened. Then another! Did it? Yes.")).toEqual([
      "One thing happened.",
      "Then another!",
      "Did it?",
      "Yes.",
    ]);
  });

  it("keeps abbreviations, initials and decimals inside the sentence", () => {
    expect(splitParagraph("Mr. Smith met Gen. Jones at 3.5 p.m. in the U.S. capital. J. R. Doe left.")).toEqual([
      "Mr. Smith met Gen. Jones at 3.5 p.m. in the U.S. capital.",
      "J. R. Doe left.",
    ]);
  });

  it("ends a sentence after a dotted acronym when a new sentence clearly starts", () => {
    expect(splitParagraph("Talks were held in the U.S. The envoy left.")).toEqual([
      "Talks were held in the U.S.",
      "The envoy left.",
    ]);
    expect(splitParagraph("The U.S. President spoke.")).toEqual(["The U.S. President spoke."]);
  });

  it("does not split inside a quotation that continues the sentence", () => {
    expect(splitParagraph("“I am not happy. Vladimir, STOP! Lets get it DONE,” Trump said. He left.")).toEqual([
      "“I am not happy. Vladimir, STOP! Lets get it DONE,” Trump said.",
      "He left.",
    ]);
  });

  it("ends a sentence at a quotation that closes with a full stop", () => {
    expect(
      splitParagraph('He said, "We will not recognise it." Zelenskyy said, "It is against our constitution."'),
    ).toEqual(['He said, "We will not recognise it."', 'Zelenskyy said, "It is against our constitution."']);
  });

  it("does not split before a lower-case word", () => {
    expect(splitParagraph("It was e.g. fine. ok then")).toEqual(["It was e.g. fine. ok then"]);
  });
});

describe("splitSentences", () => {
  it("numbers sentences across paragraphs and treats bullets as paragraphs", () => {
    const s = splitSentences("First. Second.\n\nBackground:\n• A bullet point.\n• Another one.");
    expect(s.map((x) => [x.index, x.paragraph, x.text])).toEqual([
      [0, 0, "First."],
      [1, 0, "Second."],
      [2, 1, "Background:"],
      [3, 2, "A bullet point."],
      [4, 3, "Another one."],
    ]);
  });

  it("joins wrapped lines of one paragraph", () => {
    expect(splitParagraphs("a line\nwrapped\n\nnext")).toEqual(["a line wrapped", "next"]);
  });
});

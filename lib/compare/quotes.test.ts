import { describe, expect, it } from "vitest";
import { buildEntityIndex } from "./entities";
import { extractQuotes, groupQuotes, quoteOverlap, wordDiff } from "./quotes";
import { contentTerms } from "./terms";

const quotesOf = (text: string, id = 1) => extractQuotes({ id, outletKey: `o${id}`, text }, buildEntityIndex([text]));

describe("extractQuotes", () => {
  it("finds straight and curly quotations with the speaker after them", () => {
    const q = quotesOf(
      '"We made real progress on the ceasefire," Anna Berg said. “The border talks will resume in June,” said Tom Hale.',
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ["We made real progress on the ceasefire", "Anna Berg"],
      ["The border talks will resume in June", "Tom Hale"],
    ]);
  });

  it("finds the speaker before a quotation and after 'told reporters'", () => {
    const q = quotesOf(
      'Minister Anna Berg said, "Our farmers deserve better prices." The plan is fair, Tom Hale told reporters.',
    );
    expect(q[0]).toMatchObject({ text: "Our farmers deserve better prices.", speaker: "Anna Berg" });
  });

  it("resolves 'he said' to the last person named as a subject, not one named in passing", () => {
    const text = 'Tom Hale, a close Berg aide, met the press.\n\n"The border talks will resume in June," he said.';
    expect(quotesOf(text)[0].speaker).toBe("Tom Hale");
  });

  it("extracts reported speech", () => {
    const q = quotesOf("Anna Berg said that the grain deal would be signed next week.");
    expect(q).toEqual([
      expect.objectContaining({
        text: "the grain deal would be signed next week",
        speaker: "Anna Berg",
        reported: true,
      }),
    ]);
  });

  it("ignores short scare quotes", () => {
    expect(quotesOf('The talks were "constructive," officials said.')).toEqual([]);
  });

  it("leaves the speaker unknown when nobody is named", () => {
    expect(quotesOf('"Prices will keep rising through the winter months."')[0].speaker).toBeNull();
  });
});

describe("groupQuotes", () => {
  it("groups differently worded renderings of one statement and diffs them", () => {
    const a = quotesOf(
      '"This conversation allowed our positions to be brought closer together on trade," Anna Berg said.',
      1,
    );
    const b = quotesOf(
      "“This conversation allowed both sides to further bring their positions closer on trade,” Anna Berg told reporters.",
      2,
    );
    const c = quotesOf('"Wheat exports will double by next spring," Tom Hale said.', 3);
    const groups = groupQuotes([...a, ...b, ...c]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ speaker: "Anna Berg", outletCount: 2 });
    const ops = groups[0].variants.flatMap((v) => v.diff.map((d) => d.op));
    expect(ops).toContain("ins");
    expect(ops).toContain("del");
  });

  it("does not group similar words from different named speakers", () => {
    const a = quotesOf('"The border talks will resume in June," Anna Berg said.', 1);
    const b = quotesOf('"The border talks will resume in June," Tom Hale said.', 2);
    expect(groupQuotes([...a, ...b])).toHaveLength(2);
  });

  it("measures overlap on the smaller quote", () => {
    expect(
      quoteOverlap(contentTerms("border talks resume"), contentTerms("the border talks will resume in June")),
    ).toBe(1);
    expect(quoteOverlap([], ["x"])).toBe(0);
  });

  it("diffs word by word", () => {
    expect(wordDiff("talks will resume", "talks may resume")).toEqual([
      { op: "same", text: "talks " },
      { op: "del", text: "will" },
      { op: "ins", text: "may" },
      { op: "same", text: " resume" },
    ]);
  });
});

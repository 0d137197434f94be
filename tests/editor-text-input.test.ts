// Issue #16, hardening: every editor input that takes free text refuses bidi controls, zero-width and control
// characters through its own schema (the checks themselves are tested in lib/text/safe-text.test.ts).
import { describe, expect, it } from "vitest";
import { CreateTagInput, RenameTagInput, TagEventByNameInput } from "@/lib/tags/schema";
import { AddFeedInput, EditSourceInput } from "@/lib/source-admin/schema";
import { EditEventInput, SplitArticlesInput } from "@/lib/curation/schema";
import { parseSourceList } from "@/lib/sources/source-list";

describe("the editor schemas", () => {
  const RLO = "\u202E";
  const ZWSP = "\u200B";

  it("tags: name and description", () => {
    expect(CreateTagInput.safeParse({ name: `War${RLO}gnp` }).success).toBe(false);
    expect(CreateTagInput.safeParse({ name: `Ukr${ZWSP}aine` }).success).toBe(false);
    expect(CreateTagInput.safeParse({ name: "Ukraine", description: `About${RLO} this` }).success).toBe(false);
    expect(RenameTagInput.safeParse({ tagId: "1", name: `x${ZWSP}` }).success).toBe(false);
    expect(TagEventByNameInput.safeParse({ eventId: "1", name: `x\u0085y` }).success).toBe(false);
    expect(CreateTagInput.parse({ name: " Ukraine ", description: "The war." })).toEqual({
      name: "Ukraine",
      description: "The war.",
    });
  });

  it("outlets and feeds: name, ownership, homepage and feed URL", () => {
    const base = {
      sourceId: "1",
      name: "Daily",
      country: "",
      language: "",
      kind: "",
      lean: "",
      homepage: "",
      ownership: "",
    };
    expect(EditSourceInput.safeParse(base).success).toBe(true);
    expect(EditSourceInput.safeParse({ ...base, name: `Dai${RLO}ly` }).success).toBe(false);
    expect(EditSourceInput.safeParse({ ...base, name: `Dai${ZWSP}ly` }).success).toBe(false);
    expect(EditSourceInput.safeParse({ ...base, ownership: `Trust\u2066` }).success).toBe(false);
    expect(EditSourceInput.safeParse({ ...base, homepage: "https://daily.example/\u0000" }).success).toBe(false);
    expect(AddFeedInput.safeParse({ url: "https://daily.example/\u0000feed" }).success).toBe(false);
    expect(AddFeedInput.safeParse({ url: "https://daily.example/fe ed" }).success).toBe(false);
    expect(AddFeedInput.parse({ url: " https://daily.example/feed " }).url).toBe("https://daily.example/feed");
  });

  it("events: title (one line) and summary (line breaks kept)", () => {
    expect(EditEventInput.safeParse({ eventId: "1", title: `Talks${RLO}` }).success).toBe(false);
    expect(EditEventInput.safeParse({ eventId: "1", title: "Talks\nresume" }).success).toBe(false);
    expect(EditEventInput.safeParse({ eventId: "1", title: "Talks", summary: `Met.${ZWSP}` }).success).toBe(false);
    expect(EditEventInput.parse({ eventId: "1", title: "Talks", summary: "Met.\nAgain." }).summary).toBe(
      "Met.\nAgain.",
    );
    expect(SplitArticlesInput.safeParse({ eventId: "1", articleIds: "2", title: `New${RLO}` }).success).toBe(false);
  });

  it("an imported source list: name, ownership and URLs", () => {
    expect(() => parseSourceList([{ name: `Dai${RLO}ly`, domain: "d.example" }])).toThrow(
      /entry 1 \(d\.example\) name: cannot contain invisible or control characters \(U\+202E at character 4\)/,
    );
    expect(() => parseSourceList([{ name: "D", domain: "d.example", feeds: ["https://d.example/\u0000"] }])).toThrow(
      /feeds\.0: cannot contain spaces, control or invisible characters/,
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { ExtractedArticle } from "@/lib/extract/types";
import { createTempDb } from "@/tests/support/temp-db";
import { saveArticle } from "@/lib/articles/mutations";
import {
  BANDS,
  estimateJaccard,
  findNearDuplicate,
  jaccard,
  minhash,
  shingles,
  tokens,
} from "@/lib/articles/near-duplicate";

const WIRE = [
  "KYIV, April 26 (Reuters) - Ukrainian and Russian delegations met in Istanbul on Saturday for the first direct talks in more than three years, officials from both sides said, as Western governments pressed for a ceasefire along the front line.",
  "The meeting, hosted by Turkish Foreign Minister Hakan Fidan at the Dolmabahce Palace, lasted just under two hours and ended without an agreement on a truce, according to a Ukrainian official who spoke on condition of anonymity because he was not authorised to brief the media.",
  "Both sides agreed to exchange one thousand prisoners of war each in the coming days, the head of the Ukrainian delegation, Defence Minister Rustem Umerov, told reporters after the talks. Russian negotiator Vladimir Medinsky confirmed the exchange and said Moscow was satisfied with the outcome.",
  "Kyiv had demanded an unconditional thirty-day ceasefire as a first step, a proposal backed by the United States and European capitals. Moscow has said it wants guarantees that Ukraine will not use any pause in fighting to rearm and to mobilise more troops.",
  "The talks came after a week of intense diplomacy in which U.S. President Donald Trump urged both leaders to meet in person. The Kremlin said a meeting between Vladimir Putin and Volodymyr Zelenskiy was possible only after the delegations had agreed on concrete terms.",
  "Fighting continued along much of the more than one thousand kilometre front line on Saturday, with Ukraine's air force reporting that Russia had launched over one hundred drones overnight, most of which were shot down or jammed, it said.",
].join("\n\n");

// The same wire copy as another outlet runs it: its own headline, one sentence of its own at the end.
const SYNDICATED = `${WIRE}\n\nThe outlet's correspondent in Istanbul reported that crowds of journalists waited outside the palace throughout the afternoon.`;

// Same event, same names, written independently: not a copy.
const OTHER_STORY = [
  "Russian and Ukrainian negotiators sat down in Istanbul on Saturday, their first face-to-face meeting since the spring of 2022, in talks that Turkey hosted at an Ottoman-era palace on the Bosphorus.",
  "Defence Minister Rustem Umerov led Kyiv's team, while Moscow sent presidential aide Vladimir Medinsky. Ukrainian officials described the atmosphere as tense and said Russia had made demands that went far beyond anything discussed before.",
  "The one concrete result was a deal to swap a thousand prisoners from each side. There was no agreement on the ceasefire that Ukraine and its European allies have sought for weeks, and no date was set for another round.",
  "Washington welcomed the prisoner exchange. President Donald Trump said on social media that he would speak with Vladimir Putin soon and that a meeting with Volodymyr Zelenskiy could follow if the talks make progress.",
  "Overnight Russia again attacked Ukrainian cities with drones, and the air force said its units downed most of them, while officials in the Kharkiv region reported damage to houses and power lines.",
].join("\n\n");

function article(title: string, text: string, url: string, domain: string): ExtractedArticle {
  return {
    title,
    text,
    html: `<p>${text}</p>`,
    url,
    source: { name: domain, domain },
    byline: null,
    publishedAt: null,
    language: "en",
  };
}

async function save(db: Db, a: ExtractedArticle) {
  return saveArticle(db, { article: a, origin: a.url!, content: Buffer.from(a.text), format: "txt" });
}

describe("shingles and MinHash", () => {
  it("folds case and punctuation, and splits CJK text into characters", () => {
    expect(tokens("Kyiv's  TALKS, in Istanbul!")).toEqual(["kyiv", "s", "talks", "in", "istanbul"]);
    expect(tokens("乌克兰和俄罗斯 talks")).toEqual(["乌", "克", "兰", "和", "俄", "罗", "斯", "talks"]);
  });

  it("estimates the Jaccard similarity of the shingle sets within a few points", () => {
    const a = shingles(WIRE);
    const b = shingles(SYNDICATED);
    const c = shingles(OTHER_STORY);
    expect(Math.abs(estimateJaccard(minhash(a), minhash(b)) - jaccard(a, b))).toBeLessThan(0.1);
    expect(Math.abs(estimateJaccard(minhash(a), minhash(c)) - jaccard(a, c))).toBeLessThan(0.1);
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.9);
    expect(jaccard(a, c)).toBeLessThan(0.2);
  });
});

describe("near-duplicate marking in saveArticle", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeEach(async () => {
    t = await createTempDb();
  });
  afterEach(() => t.cleanup());

  it("marks a syndicated wire story with a new headline and an added sentence as a copy of the first", async () => {
    const original = await save(
      t.db,
      article(
        "Ukraine and Russia agree prisoner swap in Istanbul talks",
        WIRE,
        "https://www.reuters.com/world/a",
        "reuters.com",
      ),
    );
    const copy = await save(
      t.db,
      article(
        "Prisoner exchange agreed as Kyiv, Moscow meet",
        SYNDICATED,
        "https://www.example-news.com/b",
        "example-news.com",
      ),
    );
    expect(original.duplicateOfId).toBeNull();
    expect(copy.outcome).toBe("new");
    expect(copy.duplicateOfId).toBe(original.id);
    const stored = await t.db.article.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored.duplicateOfId).toBe(original.id);
    expect(await t.db.articleBand.count({ where: { articleId: copy.id } })).toBe(BANDS);
  });

  it("does not mark a different story on the same event", async () => {
    await save(
      t.db,
      article("Ukraine and Russia agree prisoner swap", WIRE, "https://www.reuters.com/world/a", "reuters.com"),
    );
    const other = await save(
      t.db,
      article(
        "Istanbul talks end with swap, no truce",
        OTHER_STORY,
        "https://www.theguardian.com/c",
        "theguardian.com",
      ),
    );
    expect(other.duplicateOfId).toBeNull();
    expect((await t.db.article.findUniqueOrThrow({ where: { id: other.id } })).duplicateOfId).toBeNull();
  });

  it("points a copy of a copy at the original, not at the copy", async () => {
    const original = await save(t.db, article("A", WIRE, "https://www.reuters.com/world/a", "reuters.com"));
    await save(t.db, article("B", SYNDICATED, "https://b.example.com/b", "b.example.com"));
    const third = await save(
      t.db,
      article("C", `${SYNDICATED} A spokesman declined to comment.`, "https://c.example.com/c", "c.example.com"),
    );
    expect(third.duplicateOfId).toBe(original.id);
  });

  it("only looks at earlier articles and ignores texts too short to judge", async () => {
    const short = "Markets closed higher on Friday after a quiet session in Europe and Asia.";
    await save(t.db, article("S1", short, "https://a.example.com/1", "a.example.com"));
    const second = await save(t.db, article("S2", `${short} Oil fell.`, "https://b.example.com/2", "b.example.com"));
    expect(second.duplicateOfId).toBeNull();
    const first = await save(t.db, article("W", WIRE, "https://www.reuters.com/w", "reuters.com"));
    expect(await findNearDuplicate(t.db, first.id, WIRE)).toBeNull();
  });
});

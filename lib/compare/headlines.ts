// Headlines stacked: each cut into words and gaps, a word marked `distinct` when no other headline has its term
// (stemmed, synonyms folded), so what one outlet chose to put in its headline stands out.
import type { Headline } from "./schema";
import { contentTerms } from "./terms";

const piece = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\p{L}\p{N}]+/gu;

export function compareHeadlines(titles: readonly { articleId: number; title: string }[]): Headline[] {
  const termSets = titles.map((t) => new Set(contentTerms(t.title)));
  return titles.map(({ articleId, title }, i) => ({
    articleId,
    parts: (title.match(piece) ?? []).map((text) => {
      const terms = /[\p{L}\p{N}]/u.test(text) ? contentTerms(text) : [];
      const distinct =
        titles.length > 1 && terms.length > 0 && terms.every((t) => termSets.every((set, j) => j === i || !set.has(t)));
      return { text, distinct };
    }),
  }));
}

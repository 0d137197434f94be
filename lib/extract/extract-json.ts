import type { ExtractedArticle } from "@/lib/extract/types";

/** The line `npm run extract` prints for one input. */
export function toExtractJson(file: string, article: ExtractedArticle) {
  return {
    file,
    url: article.url,
    title: article.title,
    source: article.source ? { name: article.source.name, domain: article.source.domain } : null,
    byline: article.byline,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString() : null,
    language: article.language,
    text: article.text,
  };
}

// Two small documents the extraction worker extracts once when it starts. The first extraction of each kind
// pays for compiling the extractors' code and regular expressions (half a second, several on a busy machine);
// paid at start, an input's time budget measures the input alone. The text dump has what real dumps print around
// their body (a date line, menus, a byline, furniture, a list, the original URL), so that those paths warm too.
import type { RawDocument } from "@/lib/extract/document";

const PARAGRAPHS = [
  'The first paragraph of a short article, written out in a few plain sentences so that it reads as one. "It is a quote," said a spokesperson on Friday.',
  "The second paragraph follows in the same way, with a little more text, and says nothing at all either.",
];

const TEXT_DUMP = `date 2025-04-25 All Sections
Home News World Support Us

A warm-up headline for the text-dump extractor

Jane Doe, John Smith  Friday, 25 April 2025, 18:14
Stock photo: Getty Images

${PARAGRAPHS[0]}

Advertisement:

${PARAGRAPHS[1]}

  • A bulleted line of the background, written out as a sentence.

Original: https://example.org/news/2025/04/25/warm-up
`;

const HTML_PAGE = `<!doctype html><html lang="en"><head><title>A warm-up headline</title>
<meta property="og:title" content="A warm-up headline"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-04-25T18:14:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>A warm-up headline</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;

export function warmUpDocuments(): RawDocument[] {
  return [
    { bytes: Buffer.from(TEXT_DUMP), name: "warm-up.txt" },
    { bytes: Buffer.from(HTML_PAGE), name: "warm-up.html", url: "https://example.org/news/warm-up" },
  ];
}

import { escapeHtml } from "@/lib/text/escape";
import type { Paragraph } from "./dedupe-paragraphs";

/** Paragraphs as <p>, runs of bullets as one <ul>; every character of text escaped. */
export function renderHtml(paragraphs: Paragraph[]): string {
  const parts: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) parts.push(`<ul>${list.map((item) => `<li>${item}</li>`).join("")}</ul>`);
    list = [];
  };
  for (const paragraph of paragraphs) {
    if (paragraph.bullet) {
      list.push(escapeHtml(paragraph.text));
      continue;
    }
    flush();
    parts.push(`<p>${escapeHtml(paragraph.text)}</p>`);
  }
  flush();
  return parts.join("\n");
}

/** Plain text: one blank line between paragraphs, bullets marked with "•". */
export function renderText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => (p.bullet ? `• ${p.text}` : p.text)).join("\n\n");
}

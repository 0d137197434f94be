// One entry point from raw bytes to an ExtractedArticle, shared by `npm run ingest`, `npm run extract` and the
// feed scheduler, so that every path cleans articles the same way.
import { gunzipSync } from "node:zlib";
import { extractHtml } from "@/lib/extract/html";
import { detectLanguage } from "@/lib/extract/language";
import { extractTextDump } from "@/lib/extract/text-dump";
import { ExtractionError, type ExtractedArticle } from "@/lib/extract/types";
import { charsetFromBom, decodeBytes, detectEncoding } from "@/lib/net/charset";

/** Larger inputs are refused: no news article is this big, and parsing one would stall the run. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type RawFormat = "html" | "txt";

export interface RawDocument {
  bytes: Buffer;
  /** File name or URL path, used to recognise `.gz`, `.html` and `.txt`. */
  name: string;
  /** Original article URL when known (a fetched page, or `--url`). */
  url?: string | null;
  contentType?: string | null;
  /** Charset from the HTTP Content-Type header; wins over what the page declares. */
  charset?: string | null;
}

export interface Extraction {
  article: ExtractedArticle;
  format: RawFormat;
  /** The decompressed input, as stored for re-extraction. */
  content: Buffer;
}

export function extractDocument(doc: RawDocument): Extraction {
  if (doc.bytes.length > MAX_INPUT_BYTES) throw tooLarge(doc.bytes.length);
  const content = isGzip(doc) ? gunzip(doc.bytes) : doc.bytes;
  const format = detectFormat(doc, content);
  const text = decodeBytes(content, detectEncoding(content, { header: doc.charset, declarations: format === "html" }));
  // Judged on the decoded text, so that a UTF-16 page (NUL in every other byte) is read rather than refused.
  if (!/\S/.test(text.slice(0, 65536))) throw new ExtractionError("empty input: nothing to extract");
  if (looksBinary(text)) throw new ExtractionError("binary content: expected an HTML page or a text dump");

  const article =
    format === "html"
      ? extractHtml(text, { url: doc.url ?? undefined })
      : extractTextDump(text, { fileName: doc.name, url: doc.url ?? undefined });
  if (!article.text.trim()) throw new ExtractionError("no article text found");
  if (doc.url && !article.url) article.url = doc.url;
  article.language ??= detectLanguage(`${article.title}\n${article.text}`);
  return { article, format, content };
}

function tooLarge(size: number) {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new ExtractionError(`input too large: ${mb(size)} MiB (limit ${mb(MAX_INPUT_BYTES)} MiB)`);
}

function isGzip({ bytes, name }: RawDocument): boolean {
  return (bytes[0] === 0x1f && bytes[1] === 0x8b) || /\.gz$/i.test(name);
}

function gunzip(bytes: Buffer): Buffer {
  try {
    // The limit stops a small "zip bomb" from expanding into gigabytes.
    return gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(MAX_INPUT_BYTES + 1);
    throw new ExtractionError(`not a valid gzip file: ${(error as Error).message}`);
  }
}

/** NUL characters or many control characters in the first 8 Ki characters mean it is not text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0) return true;
    if (code < 9 || (code > 13 && code < 32)) control++;
  }
  return control / head.length > 0.02;
}

function detectFormat(doc: RawDocument, content: Buffer): RawFormat {
  const name = doc.name.toLowerCase().replace(/\.gz$/, "");
  if (/\.x?html?$/.test(name) || /html|xhtml/.test(doc.contentType ?? "")) return "html";
  if (/\.txt$/.test(name) || /text\/plain/.test(doc.contentType ?? "")) return "txt";
  // Only the markup's ASCII matters here, so any ASCII-compatible reading will do; UTF-16 needs its BOM's.
  const bom = charsetFromBom(content);
  const headBytes = content.subarray(0, 4096);
  const head = (bom ? decodeBytes(headBytes, bom) : headBytes.toString("latin1")).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/.test(head) ? "html" : "txt";
}

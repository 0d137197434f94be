// What the extraction worker (extract-worker.ts) and its owner (bounded-extractor.ts) send each other. Bytes
// travel as plain Uint8Arrays whose memory is moved, not copied (postMessage's transfer list).
import type { ExtractedArticle } from "@/lib/extract/types";
import type { RawFormat } from "@/lib/extract/document";

export interface ExtractRequest {
  id: number;
  doc: {
    bytes: Uint8Array;
    name: string;
    url?: string | null;
    contentType?: string | null;
    charset?: string | null;
  };
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "done"; id: number; article: ExtractedArticle; format: RawFormat; content: Uint8Array }
  | { type: "failed"; id: number; name: string; message: string };

/**
 * The bytes as a Uint8Array that owns its whole ArrayBuffer, so that it can be transferred. A Buffer that is a
 * slice of a larger one (Node's pool for small buffers, a view into a socket's chunk) is copied instead: moving
 * its memory would empty the other buffers that share it.
 */
export function transferable(bytes: Uint8Array): Uint8Array {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0;
  return whole && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** A Buffer over the same memory, without a copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The body of the extraction worker thread (started by bounded-extractor.ts through extract-worker.mjs): runs
// extractDocument on each request and answers with the result or the reason it failed. Its owner terminates it
// when an input takes too long or runs it out of memory, so nothing here needs to watch the clock.
import { parentPort } from "node:worker_threads";
import { extractDocument } from "@/lib/extract/document";
import { warmUpDocuments } from "@/lib/extract/warm-up";
import { asBuffer, type ExtractRequest, transferable, type WorkerMessage } from "@/lib/extract/worker-messages";

const port = parentPort;
if (!port) throw new Error("extract-worker.ts runs as a worker thread only");

// Paid at start rather than by the first input's time budget (warm-up.ts says why).
for (const doc of warmUpDocuments()) {
  try {
    extractDocument(doc);
  } catch {
    // A warm-up that fails costs nothing but the warm-up.
  }
}

port.on("message", ({ id, doc }: ExtractRequest) => {
  let answer: WorkerMessage;
  const transfer: ArrayBuffer[] = [];
  try {
    const { article, format, content } = extractDocument({ ...doc, bytes: asBuffer(doc.bytes) });
    const bytes = transferable(content);
    transfer.push(bytes.buffer as ArrayBuffer);
    answer = { type: "done", id, article, format, content: bytes };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    answer = { type: "failed", id, name, message };
  }
  port.postMessage(answer, transfer);
});

port.postMessage({ type: "ready" } satisfies WorkerMessage);

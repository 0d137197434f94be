// The body of the extraction worker thread (started by bounded-extractor.ts through extract-worker.mjs): runs
// extractDocument on each request and answers with the result or the reason it failed. Its owner terminates it
// when an input takes too long or runs it out of memory, so nothing here needs to watch the clock.
import { parentPort } from "node:worker_threads";
import { extractDocument } from "@/lib/extract/document";
import { asBuffer, type ExtractRequest, transferable, type WorkerMessage } from "@/lib/extract/worker-messages";

const port = parentPort;
if (!port) throw new Error("extract-worker.ts runs as a worker thread only");

// The first extraction pays for compiling the extractors and loading their data (up to a second); paid here, at
// start, so that an input's time budget measures the input alone.
const WARM_UP = [
  "The first paragraph of a short article, written out in a few plain sentences so that it reads as one.",
  "The second paragraph follows in the same way, with a little more text, and says nothing at all either.",
];
for (const [name, text] of [
  ["warm-up.txt", `A warm-up headline\n\n${WARM_UP.join("\n\n")}\n`],
  [
    "warm-up.html",
    `<!doctype html><title>A warm-up headline</title><article><p>${WARM_UP.join("</p><p>")}</p></article>`,
  ],
] as const) {
  try {
    extractDocument({ bytes: Buffer.from(text), name });
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

// extractDocument with a bound on each input's time and memory, off the calling thread. Extraction is synchronous
// CPU work on untrusted bytes: run inline, one slow page stalls every reader the same process answers (npm start
// serves pages and polls feeds in one process), and one huge page can take the process past any memory budget.
// Here it runs in one long-lived worker thread (starting one costs seconds, so not one per input) under V8 heap
// limits; an input that overruns its time budget or the heap gets its worker terminated and fails with a reason,
// and the next input gets a fresh worker. Inputs queue and run one at a time, in order.
import { Worker } from "node:worker_threads";
import type { Extraction, RawDocument } from "@/lib/extract/document";
import { ExtractionError } from "@/lib/extract/types";
import { asBuffer, type ExtractRequest, transferable, type WorkerMessage } from "@/lib/extract/worker-messages";

export const DEFAULT_EXTRACT_TIMEOUT_MS = 20_000;
export const DEFAULT_EXTRACT_MEMORY_MB = 512;
/** Starting a worker (loading TypeScript, the extractors, a warm-up) takes seconds on a busy machine, not minutes. */
const START_TIMEOUT_MS = 120_000;

export interface ExtractorOptions {
  /** Time one input may take once the worker has it. */
  timeoutMs?: number;
  /** The worker's V8 old-generation heap, where a parsed page lives. */
  memoryMb?: number;
}

export interface Extractor {
  /** Extracts one document. Its bytes are moved to the worker, not copied: `doc.bytes` may be empty afterwards. */
  extract(doc: RawDocument): Promise<Extraction>;
  /** Stops the worker; an extraction still running fails. */
  close(): Promise<void>;
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
  /** The input in the worker now, if any. */
  job: { id: number; settle: (result: WorkerMessage | Error) => void } | null;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_EXTRACT_MEMORY_MB;
  let running: Running | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;

  function start(): Running {
    const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url), {
      // Not the parent's flags: its loader (tsx's --import) is registered by the entry itself.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    // Idle, the worker must not keep a finished CLI or test process alive; it is referenced while it has work.
    worker.unref();
    const self: Running = { worker, ready: Promise.resolve(), job: null };
    let markReady: () => void = () => {};
    let failStart: (error: Error) => void = () => {};
    self.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    // Awaited by every job; this handler only keeps a worker that dies before anyone waits from being reported.
    self.ready.catch(() => {});
    const fail = (error: Error) => {
      if (running === self) running = null;
      failStart(error);
      self.job?.settle(error);
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") markReady();
      else if (self.job?.id === message.id) self.job.settle(message);
    });
    worker.on("error", (error: Error & { code?: string }) =>
      fail(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new ExtractionError(`extraction ran out of memory (${memoryMb} MB)`)
          : new Error(`extraction worker failed: ${error.message}`),
      ),
    );
    worker.on("exit", (code) => fail(new Error(`extraction worker stopped (exit code ${code})`)));
    return self;
  }

  /** Stops a worker that overran, so that the next input gets a fresh one. */
  function discard(self: Running) {
    if (running === self) running = null;
    void self.worker.terminate();
  }

  async function extractOne(doc: RawDocument): Promise<Extraction> {
    running ??= start();
    const self = running;
    self.worker.ref();
    try {
      await within(self.ready, START_TIMEOUT_MS, () => {
        discard(self);
        return new Error(`extraction worker did not start within ${duration(START_TIMEOUT_MS)}`);
      });
      const bytes = transferable(doc.bytes);
      // The document's fields by name: whatever else a caller's object carries may not survive postMessage.
      const { name, url, contentType, charset } = doc;
      const request: ExtractRequest = { id: nextId++, doc: { bytes, name, url, contentType, charset } };
      const answer = await within(
        new Promise<WorkerMessage | Error>((settle) => {
          self.job = { id: request.id, settle };
          self.worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
        }),
        timeoutMs,
        () => {
          discard(self);
          return new ExtractionError(`extraction took longer than ${duration(timeoutMs)}`);
        },
      );
      return toExtraction(answer);
    } finally {
      self.job = null;
      self.worker.unref();
    }

    function toExtraction(answer: WorkerMessage | Error): Extraction {
      if (answer instanceof Error) throw answer;
      if (answer.type === "failed") {
        throw answer.name === "ExtractionError" ? new ExtractionError(answer.message) : new Error(answer.message);
      }
      if (answer.type !== "done") throw new Error(`extraction worker answered ${answer.type}`);
      return { article: answer.article, format: answer.format, content: asBuffer(answer.content) };
    }
  }

  return {
    extract(doc) {
      const result = queue.then(() => extractOne(doc));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      const self = running;
      running = null;
      self?.job?.settle(new Error("extraction stopped: the extractor was closed"));
      await self?.worker.terminate();
    },
  };

  /** Settles as `promise` does, or fails with `onTimeout()` once `ms` have passed. */
  function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(onTimeout()), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/** "20 s", "1.5 s", "300 ms": how a budget reads in a failure reason. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${+(ms / 1000).toFixed(1)} s`;
}

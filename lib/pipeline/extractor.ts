// The extractor every ingestion shares unless it brings its own: one worker thread per process, with the time and
// memory budget of the environment (EXTRACT_TIMEOUT_MS, EXTRACT_MEMORY_MB). Started on first use.
import { createExtractor, type Extractor } from "@/lib/extract/bounded-extractor";
import { getEnv } from "@/lib/env";

let shared: Extractor | null = null;

export function defaultExtractor(): Extractor {
  if (!shared) {
    const env = getEnv();
    shared = createExtractor({ timeoutMs: env.EXTRACT_TIMEOUT_MS, memoryMb: env.EXTRACT_MEMORY_MB });
  }
  return shared;
}

/** Stops the shared worker (at shutdown); a later ingestion starts a new one. */
export async function closeDefaultExtractor(): Promise<void> {
  const extractor = shared;
  shared = null;
  await extractor?.close();
}

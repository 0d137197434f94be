// For tests and benchmarks: a clusterer's state through a saved file and back, as a restart sees it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClusterer, type Clusterer } from "@/lib/cluster/clusterer";
import { readStateFile, writeStateFile } from "@/lib/cluster/state-file";

/** A new clusterer loaded from `c`'s state, through a state file. */
export function reloaded(c: Clusterer): Clusterer {
  const dir = mkdtempSync(path.join(tmpdir(), "parallax-state-"));
  try {
    const file = path.join(dir, "state.bin");
    writeStateFile(file, c.exportState());
    const restored = createClusterer();
    restored.restoreState(readStateFile(file));
    return restored;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

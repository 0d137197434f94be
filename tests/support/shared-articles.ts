// Test helpers that read the shared material (../shared beside the project), failing with a clear message
// when it is missing rather than passing vacuously.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readLabelledCorpus, sharedDir, type LabelledArticle } from "@/scripts/bench/cluster/corpus";
import type { ClusterArticle } from "@/lib/cluster/types";

/** The raw seed dumps as articles: first non-empty line as the title, the rest as the text. */
export function readSeedArticles(): ClusterArticle[] {
  const dir = path.join(sharedDir, "seeds");
  if (!existsSync(dir)) throw new Error(`seed folder ${dir} is missing: the shared folder must sit beside the project`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const lines = readFileSync(path.join(dir, f), "utf8").split("\n");
      const first = lines.findIndex((l) => l.trim());
      return {
        id: f,
        title: lines[first].trim(),
        text: lines
          .slice(first + 1)
          .join("\n")
          .trim(),
      };
    });
}

/** The first `perEvent` articles of each named ECB+ event. */
export function ecbSample(events: string[], perEvent: number): LabelledArticle[] {
  const corpus = readLabelledCorpus("ecbplus.jsonl");
  return events.flatMap((e) => corpus.filter((x) => x.gold === e).slice(0, perEvent));
}

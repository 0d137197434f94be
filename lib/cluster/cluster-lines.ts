// Clusters a stream of JSONL lines in order, reporting each article's event as it is placed.
import { createClusterer, type ClustererConfig } from "./clusterer";
import { parseInputLine } from "./jsonl-input";

export interface LineResult {
  id: string | number;
  event: string;
}

export interface LineError {
  line: number;
  error: string;
}

/** Feeds the lines to one clusterer in order; events are named "e1", "e2"… in creation order. */
export async function clusterLines(
  lines: AsyncIterable<string> | Iterable<string>,
  onResult: (r: LineResult) => void,
  onError: (e: LineError) => void,
  config?: ClustererConfig,
): Promise<{ articles: number; events: number; errors: number }> {
  const clusterer = createClusterer(config);
  let lineNumber = 0;
  let errors = 0;
  let events = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const parsed = parseInputLine(line, lineNumber);
    if (!parsed.ok) {
      errors++;
      onError({ line: lineNumber, error: parsed.error });
      continue;
    }
    const { eventId } = clusterer.ingest(parsed.article, () => `e${++events}`);
    onResult({ id: parsed.id, event: eventId });
  }
  return { articles: clusterer.articleCount, events, errors };
}

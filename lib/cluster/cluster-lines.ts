// Clusters a stream of JSONL lines in order, as the app does (placement, then the second pass's merges and
// splits after each article), and reports each article's event once all are placed.
import { createClusterer, type ClustererConfig } from "./clusterer";
import { parseInputLine } from "./jsonl-input";
import { secondPass } from "./second-pass";

export interface LineResult {
  id: string | number;
  event: string;
}

export interface LineError {
  line: number;
  error: string;
}

/**
 * Feeds the lines to one clusterer in order; events are named "e1", "e2"… in creation order. Results come in line
 * order at the end: the second pass can still move an article (its event merged into an older one, or split) after
 * it was placed, so an event reported as each article arrives would not be the app's.
 */
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
  const newEventId = () => `e${++events}`;
  const placed: { id: string | number; key: string }[] = [];
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const parsed = parseInputLine(line, lineNumber);
    if (!parsed.ok) {
      errors++;
      onError({ line: lineNumber, error: parsed.error });
      continue;
    }
    const { eventId } = clusterer.ingest(parsed.article, newEventId);
    secondPass(clusterer, eventId, newEventId);
    placed.push({ id: parsed.id, key: parsed.article.id });
  }
  for (const { id, key } of placed) onResult({ id, event: clusterer.eventOf(key)! });
  return { articles: clusterer.articleCount, events: clusterer.eventCount, errors };
}

// The second pass that the app runs after placing each article (assign-event.ts does the same against the
// database, where it also skips events an editor curated): the article's event merges with every event that now
// matches it, then is split when it has turned out to be two stories.
import type { Clusterer } from "./clusterer";

export function secondPass(c: Clusterer, eventId: string, newEventId: () => string): void {
  for (const pair of c.secondPassPairs(eventId)) c.merge(c.resolve(pair.survivor), c.resolve(pair.other));
  const live = c.resolve(eventId);
  const moving = c.splitCandidate(live);
  if (moving) c.split(live, moving, newEventId());
}

// How the home page orders events. The score is
//
//   score = max(sourceCount, 1) × 2^(−ageHours / HALF_LIFE_HOURS)      ageHours = now − lastSeenAt
//
// so doubling the number of outlets covering an event is worth HALF_LIFE_HOURS of recency: a story eight
// outlets covered yesterday outranks one two outlets covered an hour ago, but not one from last week.
// It is compared in log2 space, because for an archive of years-old imports 2^(−age/h) underflows to 0 and
// every event would tie. Ties go to the later lastSeenAt, then to the higher id (the newer event).
// An event an editor pinned ranks above every unpinned one, whatever its score; pinned events rank among
// themselves by the same score.

export const HALF_LIFE_HOURS = 36;

export interface Rankable {
  id: number;
  sourceCount: number;
  lastSeenAt: Date;
  /** An editor's pin (Event.pinned); absent means not pinned. */
  pinned?: boolean;
}

/** log2 of the score above; only differences between events matter. */
export function logScore(event: Rankable, now: Date): number {
  // A lastSeenAt in the future (a feed with a skewed clock) counts as now, not as a bonus.
  const ageHours = Math.max(0, now.getTime() - event.lastSeenAt.getTime()) / 3_600_000;
  return Math.log2(Math.max(event.sourceCount, 1)) - ageHours / HALF_LIFE_HOURS;
}

export function compareRank(a: Rankable, b: Rankable, now: Date): number {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return a.pinned ? -1 : 1;
  const byScore = logScore(b, now) - logScore(a, now);
  // Scores within a rounding error are a tie, so that equal inputs do not order by float noise.
  if (Math.abs(byScore) > 1e-9) return byScore;
  return b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || b.id - a.id;
}

/** A new array, best first. */
export function rankEvents<T extends Rankable>(events: readonly T[], now: Date = new Date()): T[] {
  return [...events].sort((a, b) => compareRank(a, b, now));
}

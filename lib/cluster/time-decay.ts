// Stories that share words but lie weeks apart are usually different events (this year's floods, last year's).
// Within a grace period an ongoing story keeps its full similarity; beyond it the similarity halves every
// `halfLifeDays`.

export interface TimeDecayOptions {
  graceDays: number;
  halfLifeDays: number;
}

const day = 86_400_000;

/** Multiplier in (0, 1] for an article published at `t` against an event spanning [first, last] (ms). */
export function timeDecay(t: number | null, first: number | null, last: number | null, o: TimeDecayOptions): number {
  if (t === null || first === null || last === null) return 1;
  const gap = t < first ? first - t : t > last ? t - last : 0;
  const over = gap / day - o.graceDays;
  return over <= 0 ? 1 : 0.5 ** (over / o.halfLifeDays);
}

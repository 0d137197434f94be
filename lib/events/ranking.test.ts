import { describe, expect, it } from "vitest";
import { HALF_LIFE_HOURS, logScore, rankEvents } from "./ranking";

const now = new Date("2024-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("rankEvents", () => {
  it("puts wider coverage first when events are equally recent", () => {
    const ranked = rankEvents(
      [
        { id: 1, sourceCount: 2, lastSeenAt: hoursAgo(1) },
        { id: 2, sourceCount: 7, lastSeenAt: hoursAgo(1) },
        { id: 3, sourceCount: 4, lastSeenAt: hoursAgo(1) },
      ],
      now,
    );
    expect(ranked.map((e) => e.id)).toEqual([2, 3, 1]);
  });

  it("lets recency beat coverage once the age gap exceeds a half-life per doubling", () => {
    const old = { id: 1, sourceCount: 8, lastSeenAt: hoursAgo(24 * 7) };
    const fresh = { id: 2, sourceCount: 2, lastSeenAt: hoursAgo(1) };
    expect(rankEvents([old, fresh], now).map((e) => e.id)).toEqual([2, 1]);
    const yesterday = { ...old, lastSeenAt: hoursAgo(24) };
    expect(rankEvents([fresh, yesterday], now).map((e) => e.id)).toEqual([1, 2]);
  });

  it("breaks ties by lastSeenAt, then by id", () => {
    // 2 outlets one half-life ago score exactly like 1 outlet now.
    const a = { id: 1, sourceCount: 2, lastSeenAt: hoursAgo(HALF_LIFE_HOURS) };
    const b = { id: 2, sourceCount: 1, lastSeenAt: hoursAgo(0) };
    expect(rankEvents([a, b], now).map((e) => e.id)).toEqual([2, 1]);
    const c = { id: 3, sourceCount: 1, lastSeenAt: hoursAgo(0) };
    expect(rankEvents([b, c], now).map((e) => e.id)).toEqual([3, 2]);
  });

  it("still orders by coverage for events years old, where a plain decay would underflow", () => {
    const years = 24 * 365 * 6;
    expect(2 ** (-years / HALF_LIFE_HOURS)).toBe(0);
    const ranked = rankEvents(
      [
        { id: 1, sourceCount: 1, lastSeenAt: hoursAgo(years) },
        { id: 2, sourceCount: 5, lastSeenAt: hoursAgo(years) },
      ],
      now,
    );
    expect(ranked.map((e) => e.id)).toEqual([2, 1]);
  });

  it("treats a future lastSeenAt as now and zero outlets as one", () => {
    expect(logScore({ id: 1, sourceCount: 0, lastSeenAt: hoursAgo(-50) }, now)).toBe(0);
  });
});

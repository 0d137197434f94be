import { describe, expect, it } from "vitest";
import { createClusterer, type ClustererConfig } from "./clusterer";
import type { ClusterArticle } from "./types";

// Two "sister" events: the same kind of story told in the same words, told apart only by dates and numbers.
function quake(
  id: string,
  q: { mag: string; date: string; dead: number; hurt: number; km: number },
  extra: string,
): ClusterArticle {
  return {
    id,
    title: `Earthquake of magnitude ${q.mag} strikes the coast, ${q.dead} dead`,
    text:
      `A powerful earthquake of magnitude ${q.mag} struck the coastal region on ${q.date}, killing ${q.dead} people and ` +
      `injuring ${q.hurt} more, officials said. Rescue teams searched collapsed buildings through the night as ` +
      `aftershocks shook the area. The epicentre was ${q.km} kilometres offshore, the geological survey said. ${extra}`,
    source: `outlet-${id}.example`,
  };
}

const first = { mag: "6.1", date: "March 3", dead: 45, hurt: 120, km: 30 };
const second = { mag: "7.4", date: "October 17", dead: 230, hurt: 900, km: 85 };
const extras = [
  "Schools in the region were closed for inspection.",
  "Power was cut to thousands of homes in the region.",
  "The government declared three days of mourning.",
];
const articles = [
  ...extras.map((x, i) => quake(`a${i}`, first, x)),
  ...extras.map((x, i) => quake(`b${i}`, second, x)),
];

function events(config: ClustererConfig) {
  const c = createClusterer(config);
  let n = 0;
  return articles.map((a) => c.ingest(a, () => `e${++n}`).eventId);
}

describe("the date and number gate", () => {
  it("keeps a sister event apart that the shared vocabulary alone would merge", () => {
    expect(new Set(events({ entityGate: 0 })).size).toBe(1);
    const gated = events({});
    expect(new Set(gated.slice(0, 3)).size).toBe(1);
    expect(new Set(gated.slice(3)).size).toBe(1);
    expect(gated[3]).not.toBe(gated[0]);
  });

  it("does not let a member with too few dates and numbers veto a join", () => {
    const c = createClusterer();
    let n = 0;
    // One number only: the death toll, which the next report does not share.
    const bare = {
      ...articles[0],
      id: "bare",
      title: "Earthquake strikes the coast",
      text: articles[0].text.replace(/6\.1|March 3|120|30/g, ""),
    };
    const results = [bare, articles[3]].map((a) => c.ingest(a, () => `e${++n}`));
    expect(results[1]).toMatchObject({ eventId: results[0].eventId, created: false });
  });

  it("does not judge an article with too few dates and numbers", () => {
    const gated = events({ entityGateMinTerms: 20 });
    expect(new Set(gated).size).toBe(1);
  });
});

describe("the gate judges the event as a whole", () => {
  it("keeps out a sister event's report that shares a number with one member only", () => {
    // One member recalls an earlier quake's year and toll; so does the sister event's report.
    const recalled = (a: ClusterArticle) => ({
      ...a,
      text: `The last quake this strong, in 1998, killed 1,500. ${a.text}`,
    });
    const own = [recalled(articles[0]), articles[1], articles[2]];
    const sister = recalled(articles[3]);
    const c = createClusterer();
    let n = 0;
    const ids = [...own, sister].map((a) => c.ingest(a, () => `e${++n}`).eventId);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
  });
});

describe("the gate in the second pass", () => {
  function candidatesOfSecond(config: ClustererConfig) {
    // A join threshold nothing reaches: every article starts its own event, as a second pass would find them.
    const c = createClusterer({ threshold: 0.99, shortThreshold: 0.99, ...config });
    const ids = [articles[0], articles[3], articles[1]].map((a, i) => c.ingest(a, () => `e${i}`).eventId);
    return { ids, pairs: c.mergeCandidates([ids[2]], 0.3).map((p) => [p.survivor, p.other]) };
  }

  it("does not merge a sister event whose dates and numbers disagree", () => {
    const { ids, pairs } = candidatesOfSecond({});
    expect(pairs).toEqual([[ids[0], ids[2]]]);
  });

  it("would merge it on the shared vocabulary alone", () => {
    const { ids, pairs } = candidatesOfSecond({ entityGate: 0 });
    expect(pairs).toContainEqual([ids[1], ids[2]]);
  });
});

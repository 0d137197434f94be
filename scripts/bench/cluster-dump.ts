// `npx tsx scripts/bench/cluster-dump.ts > dump.txt`: every decision of the in-memory clusterer as text, to `cmp`
// before and after a change meant to leave its results alone. Per corpus (ECB+ and the headlines, in the seeded
// orders 1–5 that bench:cluster uses) and for 20,000 synthetic articles (the scale bench's stream): each article in
// arrival order with the event it was placed in and its similarity, the second pass's merges and splits, and at the
// end the final events (members, central article) and a digest of the exported state.
import { createHash } from "node:crypto";
import { createClusterer, type Clusterer } from "@/lib/cluster/clusterer";
import { readLabelledCorpus } from "@/scripts/bench/cluster/corpus";
import { seededShuffle } from "@/scripts/bench/cluster/shuffle";
import { syntheticStream } from "@/scripts/bench/cluster/synthetic-stream";
import type { ClusterArticle } from "@/lib/cluster/types";

const out: string[] = [];
const write = (line: string) => {
  out.push(line);
  if (out.length >= 4096) flush();
};
const flush = () => {
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  out.length = 0;
};

function run(label: string, articles: Iterable<ClusterArticle>) {
  write(`# ${label}`);
  const c = createClusterer();
  let n = 0;
  const newId = () => `e${++n}`;
  const ids: string[] = [];
  for (const article of articles) {
    ids.push(article.id);
    const { eventId, created, similarity } = c.ingest(article, newId);
    write(`${article.id} ${eventId}${created ? " new" : ""} ${similarity}`);
    secondPass(c, eventId, newId);
  }
  const finals = [...new Set(ids.map((id) => c.eventOf(id)!))];
  for (const e of finals) write(`event ${e} central ${c.centralArticle(e)} members ${c.members(e).join(" ")}`);
  write(`events ${c.eventCount} articles ${c.articleCount} state ${stateDigest(c)}`);
}

/** As lib/cluster/second-pass.ts, with each merge and split written out. */
function secondPass(c: Clusterer, eventId: string, newEventId: () => string) {
  for (const pair of c.secondPassPairs(eventId)) {
    write(`  merge ${pair.survivor} ${pair.other} ${pair.similarity}`);
    c.merge(c.resolve(pair.survivor), c.resolve(pair.other));
  }
  const live = c.resolve(eventId);
  const moving = c.splitCandidate(live);
  if (moving) {
    const id = newEventId();
    write(`  split ${live} ${id} ${moving.join(" ")}`);
    c.split(live, moving, id);
  }
}

function stateDigest(c: Clusterer): string {
  const hash = createHash("sha256");
  for (const [key, value] of Object.entries(c.exportState())) {
    hash.update(key);
    if (ArrayBuffer.isView(value)) hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    else hash.update(JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v)));
  }
  return hash.digest("hex").slice(0, 16);
}

for (const name of ["ecbplus.jsonl", "uci-headlines.jsonl"]) {
  const corpus = readLabelledCorpus(name);
  for (const seed of [1, 2, 3, 4, 5])
    run(
      `${name} seed ${seed}`,
      seededShuffle(corpus, seed).map((x) => x.article),
    );
}
run(
  "synthetic 20000",
  (function* () {
    for (const item of syntheticStream({ articles: 20_000 }).items()) yield item.article;
  })(),
);
flush();

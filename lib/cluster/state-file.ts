// The clusterer's state as a compact binary file, for fast restarts: one vocabulary, then per member its term ids
// and weights. Weights are stored as integers in units of 1e-5, the precision features are rounded to, so that a
// restored state compares exactly like the saved one.
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { PackedEntry } from "./clusterer";

const header = z.object({
  version: z.literal(1),
  vocabulary: z.array(z.string()),
  articles: z.array(z.string()),
  events: z.array(z.string()),
  sources: z.array(z.string().nullable()),
  times: z.array(z.number().nullable()),
  offsets: z.number().int(),
});

export function writeStateFile(file: string, entries: PackedEntry[]): number {
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  let total = 0;
  for (const e of entries) total += e.terms.length;
  const offsets = new Int32Array(entries.length + 1);
  const ids = new Int32Array(total);
  const weights = new Int32Array(total);
  let k = 0;
  entries.forEach((e, i) => {
    for (let j = 0; j < e.terms.length; j++, k++) {
      let id = idOf.get(e.terms[j]);
      if (id === undefined) idOf.set(e.terms[j], (id = vocabulary.push(e.terms[j]) - 1));
      ids[k] = id;
      weights[k] = Math.round(e.weights[j] * 1e5);
    }
    offsets[i + 1] = k;
  });
  const head = Buffer.from(
    JSON.stringify({
      version: 1,
      vocabulary,
      articles: entries.map((e) => e.articleId),
      events: entries.map((e) => e.eventId),
      sources: entries.map((e) => e.source),
      times: entries.map((e) => e.t),
      offsets: entries.length + 1,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  const pad = Buffer.alloc((4 - ((4 + head.length) % 4)) % 4);
  const body = Buffer.concat([length, head, pad, Buffer.from(offsets.buffer), Buffer.from(ids.buffer), Buffer.from(weights.buffer)]);
  writeFileSync(file, body);
  return body.length;
}

export function* readStateFile(file: string): Generator<PackedEntry> {
  const buf = readFileSync(file);
  const headLength = buf.readUInt32LE(0);
  const h = header.parse(JSON.parse(buf.subarray(4, 4 + headLength).toString("utf8")));
  let at = 4 + headLength;
  at += (4 - (at % 4)) % 4;
  const ints = (n: number) => {
    const out = new Int32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * 4));
    at += n * 4;
    return out;
  };
  const offsets = ints(h.offsets);
  const total = offsets[offsets.length - 1];
  const ids = ints(total);
  const weights = ints(total);
  for (let i = 0; i < h.articles.length; i++) {
    const terms: string[] = [];
    const w: number[] = [];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      terms.push(h.vocabulary[ids[k]]);
      w.push(weights[k] / 1e5);
    }
    yield { articleId: h.articles[i], eventId: h.events[i], terms, weights: w, source: h.sources[i], t: h.times[i] };
  }
}

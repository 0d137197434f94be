// The clusterer's saved index (see `ClustererSnapshot`) as one binary file: a magic tag, a JSON header with the
// strings and scalars, then the typed arrays as they lie in memory, each 8-byte aligned so that loading can view
// them in place instead of parsing. A CRC over everything after the tag rejects a truncated or damaged file.
import { closeSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";
import { z } from "zod";
import type { ClustererSnapshot } from "./clusterer-snapshot";

const magic = Buffer.from("PLXSTATE");
const version = 2;

// The typed-array sections, in file order, with their element type.
const sections = {
  times: Float64Array,
  memberOffsets: Int32Array,
  memberIds: Int32Array,
  memberWeights: Float64Array,
  mergedInto: Int32Array,
  rebuildAt: Int32Array,
  eventMemberOffsets: Int32Array,
  eventMembers: Int32Array,
  centroidOffsets: Int32Array,
  centroidIds: Int32Array,
  centroidWeights: Float64Array,
  indexedOffsets: Int32Array,
  indexedIds: Int32Array,
  postingOffsets: Int32Array,
  postings: Int32Array,
  termDf: Int32Array,
  termTable: Float64Array,
} as const;
type SectionName = keyof typeof sections;
const sectionNames = Object.keys(sections) as SectionName[];

const header = z.object({
  version: z.literal(version),
  options: z.string(),
  names: z.array(z.string()),
  articles: z.array(z.string()),
  sources: z.array(z.string().nullable()),
  events: z.array(z.string()),
  docs: z.number().int().nonnegative(),
  epoch: z.number().int(),
  unseen: z.number(),
  nextRefreshAt: z.number().int(),
  /** What the state was saved for (lib/cluster/saved-state.ts: the membership generation); "" when unbound. */
  stamp: z.string().default(""),
  lengths: z.record(z.enum(sectionNames as [SectionName, ...SectionName[]]), z.number().int().nonnegative()),
});

const pad8 = (n: number) => (8 - (n % 8)) % 8;

function arraysOf(s: ClustererSnapshot): Record<SectionName, Int32Array | Float64Array> {
  const { terms, options: _o, articles: _a, sources: _s, events: _e, ...arrays } = s;
  return { ...arrays, termDf: terms.df, termTable: terms.table };
}

/** The state in the file format, as buffers to write one after the other. */
export function encodeState(s: ClustererSnapshot, stamp = ""): Buffer[] {
  const arrays = arraysOf(s);
  const head = Buffer.from(
    JSON.stringify({
      version,
      options: s.options,
      names: s.terms.names,
      articles: s.articles,
      sources: s.sources,
      events: s.events,
      docs: s.terms.docs,
      epoch: s.terms.epoch,
      unseen: s.terms.unseen,
      nextRefreshAt: s.terms.nextRefreshAt,
      stamp,
      lengths: Object.fromEntries(sectionNames.map((name) => [name, arrays[name].length])),
    }),
  );
  // Tag, CRC, header length, header, padding: the sections start 8-byte aligned.
  const prefix = Buffer.alloc(magic.length + 8);
  magic.copy(prefix);
  prefix.writeUInt32LE(head.length, magic.length + 4);
  const parts: Buffer[] = [prefix.subarray(magic.length + 4), head, Buffer.alloc(pad8(prefix.length + head.length))];
  for (const name of sectionNames) {
    const a = arrays[name];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad8(a.byteLength)));
  }
  let crc = 0;
  for (const p of parts) crc = crc32(p, crc);
  prefix.writeUInt32LE(crc, magic.length);
  return [prefix.subarray(0, magic.length + 4), ...parts];
}

/** Writes the state (to a temporary file renamed into place, so a crash leaves the old state); returns its bytes. */
export function writeStateFile(file: string, s: ClustererSnapshot, stamp = ""): number {
  const parts = encodeState(s, stamp);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  let bytes = 0;
  try {
    for (const p of parts) bytes += writeSync(fd, p);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  return bytes;
}

/**
 * Reads a state written by `writeStateFile`; throws a clear error for any other, damaged or older file, and for one
 * saved under another stamp than `expectStamp` (checked once the header is parsed, before the sections are viewed;
 * the whole file is read and checksummed first, so a stale file still costs one read).
 */
export function readStateFile(file: string, expectStamp?: string): ClustererSnapshot {
  return decodeState(readFileSync(file), file, expectStamp);
}

/** Reads a state in the file format from memory (`where` names it in errors); see `readStateFile`. */
export function decodeState(buf: Buffer<ArrayBuffer>, where: string, expectStamp?: string): ClustererSnapshot {
  const fail = (why: string): never => {
    throw new Error(`${where} is not a usable clusterer state (${why}); rebuild it from the stored articles`);
  };
  if (buf.length < magic.length + 8 || !buf.subarray(0, magic.length).equals(magic)) fail("unknown format");
  if (crc32(buf.subarray(magic.length + 4)) !== buf.readUInt32LE(magic.length))
    fail("checksum mismatch: truncated or damaged");
  const headLength = buf.readUInt32LE(magic.length + 4);
  const headStart = magic.length + 8;
  let h: z.infer<typeof header>;
  try {
    h = header.parse(JSON.parse(buf.subarray(headStart, headStart + headLength).toString("utf8")));
  } catch (err) {
    return fail(`header: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
  }
  if (expectStamp !== undefined && h.stamp !== expectStamp) fail("saved for another state of the database");
  let at = headStart + headLength;
  at += pad8(at);
  // Views into the file's memory where it is aligned (it normally is: a large file gets its own buffer).
  const arrays = {} as Record<SectionName, Int32Array | Float64Array>;
  for (const name of sectionNames) {
    const Type = sections[name];
    const length = h.lengths[name];
    if (length === undefined) return fail(`no ${name} section`);
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (at + bytes > buf.length) fail(`${name} section cut short`);
    const offset = buf.byteOffset + at;
    arrays[name] =
      offset % 8 === 0 ? new Type(buf.buffer, offset, length) : new Type(buf.buffer.slice(offset, offset + bytes));
    at += bytes + pad8(bytes);
  }
  if (at !== buf.length) fail("trailing bytes");
  const { termDf, termTable, ...rest } = arrays;
  return {
    ...(rest as Omit<ClustererSnapshot, "options" | "terms" | "articles" | "sources" | "events">),
    options: h.options,
    articles: h.articles,
    sources: h.sources,
    events: h.events,
    terms: {
      names: h.names,
      df: termDf as Int32Array,
      table: termTable as Float64Array,
      docs: h.docs,
      epoch: h.epoch,
      unseen: h.unseen,
      nextRefreshAt: h.nextRefreshAt,
    },
  };
}

// A response cache for pages that are a pure function of their URL and of a version read cheaply from the
// database (the event page: see lib/events/page-version.ts). It sits in front of Next in the `npm start` server:
// rendering a 50-article event page costs ~100 ms of React work, checking its version about one millisecond,
// so a page is rendered once per change of its event and then served from memory. A version read *before*
// rendering keys the stored copy, so a change that lands during the render makes the copy stale at once
// rather than storing new data under an old key (or old data under a new one).
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { nonceOf } from "./csp";
import { type NoncedBody, splitNoncedBody, swapHeaderNonce, withFreshNonce } from "./nonced-body";

export type VersionedPage = {
  /** The version of what the URL renders, or null to let the request through uncached (unknown, redirect). */
  version(url: URL): Promise<string | null>;
};

// Only 200 answers are kept, so a stored page is always replayed as 200. A page sent with a CSP nonce keeps its
// body as `nonced` (cut at the nonce attributes, see nonced-body.ts) and gets a fresh nonce on every replay.
type Entry = { version: string; etag: string; headers: OutgoingHttpHeaders; body: Buffer | NoncedBody };

export type PageCacheStats = { hits: number; misses: number; bypasses: number; entries: number; bytes: number };

// Requests whose answer is not the plain page: client-side navigation (React Server Components payloads,
// prefetches) and server actions. They are answered by Next every time.
const NEXT_CLIENT_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];
// Hop-by-hop or per-response headers that must not be replayed from a stored copy.
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "etag"]);

export function createPageCache(options: { match: (url: URL) => VersionedPage | null; maxBytes: number }) {
  const entries = new Map<string, Entry>(); // insertion order = least recently used first
  let bytes = 0;
  const stats = { hits: 0, misses: 0, bypasses: 0 };

  function evict(key: string) {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= sizeOf(old);
  }

  function store(key: string, entry: Entry) {
    evict(key);
    if (sizeOf(entry) > options.maxBytes) return;
    entries.set(key, entry);
    bytes += sizeOf(entry);
    while (bytes > options.maxBytes) evict(entries.keys().next().value!);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, entry: Entry) {
    stats.hits++;
    const headers: OutgoingHttpHeaders = { ...entry.headers, etag: entry.etag, "x-page-cache": "hit" };
    if (req.headers["if-none-match"] === entry.etag) {
      // No policy on a 304: the browser keeps the one that came with its copy, whose nonce that copy carries.
      delete headers["content-security-policy"];
      res.writeHead(304, headers).end();
      return;
    }
    let body: Buffer;
    if (Buffer.isBuffer(entry.body)) body = entry.body;
    else {
      const stored = entry.body;
      const fresh = await withFreshNonce(stored);
      // The policy names it, and so does Next's Link header (preloads carry nonce="…").
      for (const [name, value] of Object.entries(headers))
        if (typeof value === "string") headers[name] = swapHeaderNonce(value, stored.nonce, fresh.nonce);
        else if (Array.isArray(value)) headers[name] = value.map((v) => swapHeaderNonce(v, stored.nonce, fresh.nonce));
      body = fresh.body;
    }
    res.writeHead(200, { ...headers, "content-length": body.length }).end(body);
  }

  /**
   * Answers the request from the cache, or lets `render` (Next's handler) answer it and keeps a copy of a
   * cacheable answer. Only plain GETs of a matching URL are considered.
   */
  async function handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<void> | void): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const page =
      req.method === "GET" && !url.searchParams.has("_rsc") && !NEXT_CLIENT_HEADERS.some((h) => h in req.headers)
        ? options.match(url)
        : null;
    const version = page ? await page.version(url) : null;
    if (version === null) {
      stats.bypasses++;
      return render();
    }
    // A compressed and an uncompressed copy are different bodies.
    const key = `${url.pathname}?${[...url.searchParams]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join("&")}|${req.headers["accept-encoding"] ?? ""}`;
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key); // refresh its place in the LRU order
      entries.set(key, hit);
      return serve(req, res, hit);
    }
    stats.misses++;
    const chunks = recordBody(res);
    res.once("finish", async () => {
      const headers = res.getHeaders();
      if (res.statusCode !== 200 || headers["set-cookie"] !== undefined) return evict(key);
      const kept: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(headers))
        if (!NOT_REPLAYED.has(name) && value !== undefined) kept[name] = value;
      const raw = Buffer.concat(chunks);
      const nonce = nonceOf(String(headers["content-security-policy"] ?? ""));
      const encoding = headers["content-encoding"];
      const body = nonce
        ? await splitNoncedBody(raw, typeof encoding === "string" ? encoding : undefined, nonce, options.maxBytes)
        : raw;
      if (!body) return evict(key);
      const etag = `"${createHash("sha256").update(key).update("\0").update(version).digest("base64url").slice(0, 27)}"`;
      store(key, { version, etag, headers: kept, body });
    });
    res.setHeader("x-page-cache", "miss");
    return render();
  }

  return {
    handle,
    stats: (): PageCacheStats => ({ ...stats, entries: entries.size, bytes }),
  };
}

function sizeOf(entry: Entry): number {
  return Buffer.isBuffer(entry.body) ? entry.body.length : entry.body.bytes;
}

/** Copies every byte written to the response (after Next's own compression, which wraps write and end later). */
function recordBody(res: ServerResponse): Buffer[] {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array),
    );
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  return chunks;
}

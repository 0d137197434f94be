// safeFetch: the only way Parallax code should fetch a URL from the outside world. Each hop (the first URL and
// every redirect) goes through the SSRF guard, and the socket connects to the exact address the guard approved.
// Built on node:http/https rather than global fetch because fetch offers no per-request DNS lookup hook.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { decodeText } from "./charset";
import { FetchError } from "./errors";
import { assertPublicUrl, type CheckedUrl, type Resolver } from "./ssrf";

export { FetchError } from "./errors";

export const DEFAULT_USER_AGENT = "Parallax/0.1 (+https://github.com/parallax-news/parallax)";
const MiB = 1024 * 1024;

export interface SafeFetchOptions {
  /** Validators from the previous response: a 304 answer becomes notModified. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Whole request, all redirect hops and the body included. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Limit on both the transferred and the decompressed body. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Hosts exempt from the private-address check (FETCH_ALLOW_HOSTS). The caller passes it; lib/net reads no env. */
  allowHosts?: string[];
  userAgent?: string;
  signal?: AbortSignal;
  /** For tests: replaces DNS resolution. */
  resolve?: Resolver;
  /** For tests: extra trusted CA certificates for https (replaces the default bundle, as in tls.connect). */
  ca?: string | Buffer;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decompressed body; empty for 304. */
  body: Buffer;
  notModified: boolean;
  /** Body decoded by BOM, Content-Type charset, in-document declaration, else UTF-8. */
  text(): string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const decoders: Record<string, (buf: Buffer, opts: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  "x-gzip": promisify(zlib.gunzip),
  br: promisify(zlib.brotliDecompress),
  deflate: async (buf, opts) => {
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
    const wrapped = buf.length >= 2 && (buf[0] & 0x0f) === 8 && ((buf[0] << 8) | buf[1]) % 31 === 0;
    return wrapped ? promisify(zlib.inflate)(buf, opts) : promisify(zlib.inflateRaw)(buf, opts);
  },
};

async function decompress(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== "identity");
  let out = body;
  // Codings are listed in the order they were applied, so undo them from the last.
  for (const coding of codings.reverse()) {
    const decode = decoders[coding];
    if (!decode) throw new FetchError("bad-encoding", `Unsupported Content-Encoding "${coding}"`, { url });
    try {
      out = await decode(out, { maxOutputLength: maxBytes });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new FetchError("too-large", `Body of ${url} decompresses to more than ${maxBytes} bytes`, { url });
      }
      throw new FetchError("bad-encoding", `Could not decode ${coding} body of ${url}: ${(err as Error).message}`, {
        url,
        cause: err,
      });
    }
  }
  return out;
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

interface HopResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface HopContext {
  headers: Record<string, string>;
  maxBytes: number;
  connectTimeoutMs: number;
  ca?: string | Buffer;
  /** Aborted on total timeout or by the caller; reason is the FetchError to throw. */
  signal: AbortSignal;
}

/** One request to one already-checked address. Redirect and error bodies are not read. */
function requestHop(target: CheckedUrl, ctx: HopContext): Promise<HopResult> {
  const { url, address, family } = target;
  const href = url.href;
  // Pinning: whatever name the socket layer asks about, it gets the address the SSRF guard approved.
  const pinned = ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;

  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const finish = (err: Error | null, value?: HopResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      ctx.signal.removeEventListener("abort", onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const onAbort = () => finish(ctx.signal.reason as Error);

    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request({
      method: "GET",
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || undefined,
      path: url.pathname + url.search,
      headers: ctx.headers,
      // No pooling: a pooled socket could have been opened for a different pinned address.
      agent: false,
      lookup: pinned,
      // TLS still verifies the certificate against the hostname (SNI too), not against the pinned address.
      ...(ctx.ca ? { ca: ctx.ca } : {}),
    });

    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener("abort", onAbort);

    req.on("socket", (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () =>
          finish(
            new FetchError("connect-timeout", `Connecting to ${url.host} took over ${ctx.connectTimeoutMs} ms`, {
              url: href,
            }),
          ),
        ctx.connectTimeoutMs,
      );
      socket.once("connect", () => clearTimeout(connectTimer));
    });

    req.on("error", (err) => {
      finish(
        err instanceof FetchError
          ? err
          : new FetchError("network", `Request to ${href} failed: ${err.message}`, { url: href, cause: err }),
      );
    });

    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const headers = flattenHeaders(res.headers);
      const bodyWanted = status >= 200 && status < 300;
      if (!bodyWanted) {
        // Redirect and error bodies are of no use; do not wait for (or pay for) them.
        res.destroy();
        return finish(null, { status, headers, body: Buffer.alloc(0) });
      }
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > ctx.maxBytes) {
        return finish(
          new FetchError("too-large", `${href} announces ${declared} bytes, over the ${ctx.maxBytes} limit`, {
            url: href,
          }),
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > ctx.maxBytes) {
          finish(new FetchError("too-large", `${href} sent more than ${ctx.maxBytes} bytes`, { url: href }));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status, headers, body: Buffer.concat(chunks) }));
      res.on("error", (err) =>
        finish(new FetchError("network", `Reading ${href} failed: ${err.message}`, { url: href, cause: err })),
      );
      res.on("aborted", () =>
        finish(new FetchError("network", `Connection to ${href} closed mid-body`, { url: href })),
      );
    });

    req.end();
  });
}

/** Races a promise against the abort signal (DNS resolution has no cancellation of its own). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

export async function safeFetch(input: string | URL, opts: SafeFetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 10 * MiB;
  const maxRedirects = opts.maxRedirects ?? 5;

  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new FetchError("timeout", `Fetching ${String(input)} took over ${timeoutMs} ms`, { url: String(input) }),
      ),
    timeoutMs,
  );
  const onCallerAbort = () =>
    controller.abort(new FetchError("aborted", `Fetching ${String(input)} was aborted`, { url: String(input) }));
  if (opts.signal?.aborted) onCallerAbort();
  opts.signal?.addEventListener("abort", onCallerAbort, { once: true });

  const headers: Record<string, string> = {
    "user-agent": opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: opts.accept ?? "*/*",
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  const ctx: HopContext = {
    headers,
    maxBytes,
    connectTimeoutMs: opts.connectTimeoutMs ?? 10_000,
    ca: opts.ca,
    signal: controller.signal,
  };

  try {
    const visited = new Set<string>();
    let current = String(input);
    for (let hop = 0; ; hop++) {
      const checked = await untilAborted(
        assertPublicUrl(current, { allowHosts: opts.allowHosts, resolve: opts.resolve }),
        controller.signal,
      );
      const key = checked.url.href.replace(/#.*$/, "");
      if (visited.has(key)) {
        throw new FetchError("redirect-loop", `Redirect loop: ${key} was already visited`, { url: key });
      }
      visited.add(key);

      const res = await requestHop(checked, ctx);
      const href = checked.url.href;

      if (REDIRECT_STATUSES.has(res.status)) {
        const location = res.headers.location;
        if (!location)
          throw new FetchError("bad-redirect", `${href} answered ${res.status} without a Location`, {
            url: href,
            status: res.status,
          });
        if (hop >= maxRedirects) {
          throw new FetchError(
            "too-many-redirects",
            `More than ${maxRedirects} redirects starting at ${String(input)}`,
            { url: href },
          );
        }
        try {
          current = new URL(location, checked.url).href;
        } catch {
          throw new FetchError("bad-redirect", `${href} redirects to an invalid URL: ${location.slice(0, 200)}`, {
            url: href,
          });
        }
        continue;
      }

      if (res.status === 304) {
        return result(href, res.status, res.headers, Buffer.alloc(0), true);
      }
      if (res.status < 200 || res.status >= 300) {
        throw new FetchError(`http-${res.status}`, `${href} answered HTTP ${res.status}`, {
          url: href,
          status: res.status,
          retryAfterSeconds: parseRetryAfter(res.headers["retry-after"]),
        });
      }
      const body = await untilAborted(
        decompress(res.body, res.headers["content-encoding"], maxBytes, href),
        controller.signal,
      );
      return result(href, res.status, res.headers, body, false);
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onCallerAbort);
  }
}

/** Retry-After as seconds from now: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

function result(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  notModified: boolean,
): FetchResult {
  let text: string | undefined;
  return {
    url,
    status,
    headers,
    body,
    notModified,
    text: () => (text ??= decodeText(body, headers["content-type"])),
  };
}

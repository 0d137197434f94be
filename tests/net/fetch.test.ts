import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import { BlockedUrlError, FetchError } from "@/lib/net/errors";
import { parseRetryAfter, safeFetch } from "@/lib/net/fetch";

let server: FixtureServer;
let allow: { allowHosts: string[] };

const cyrillic = "Привет, мир: новости дня";
const cp1251 = Buffer.from(
  new Uint8Array(
    [...cyrillic].map((ch) => {
      const c = ch.codePointAt(0)!;
      return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
    }),
  ),
);

beforeAll(async () => {
  server = await startFixtureServer({
    "/plain": { headers: { "content-type": "text/plain; charset=utf-8" }, body: "héllo" },
    "/etag": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"', "last-modified": "Wed, 01 Jan 2025 00:00:00 GMT" }).end("fresh");
    },
    "/since": (req, res) => {
      if (req.headers["if-modified-since"] === "Wed, 01 Jan 2025 00:00:00 GMT") return void res.writeHead(304).end();
      res.writeHead(200).end("fresh");
    },
    "/r1": { status: 301, headers: { location: "/r2" } },
    "/r2": { status: 302, headers: { location: "r3?x=1" } },
    "/r3": { body: "landed" },
    "/loop-a": { status: 302, headers: { location: "/loop-b" } },
    "/loop-b": { status: 307, headers: { location: "/loop-a" } },
    "/no-location": { status: 302 },
    "/to-127-0-0-2": { status: 302, headers: { location: "http://127.0.0.2:9/" } },
    "/to-10": { status: 301, headers: { location: "http://10.0.0.1/admin" } },
    "/to-metadata": { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } },
    "/to-file": { status: 302, headers: { location: "file:///etc/passwd" } },
    "/gzip": { headers: { "content-encoding": "gzip" }, body: zlib.gzipSync("gzipped body") },
    "/br": { headers: { "content-encoding": "br" }, body: zlib.brotliCompressSync("brotli body") },
    "/deflate": { headers: { "content-encoding": "deflate" }, body: zlib.deflateSync("deflated body") },
    "/deflate-raw": { headers: { "content-encoding": "deflate" }, body: zlib.deflateRawSync("raw deflated body") },
    "/bad-gzip": { headers: { "content-encoding": "gzip" }, body: "definitely not gzip" },
    "/gzip-bomb": { headers: { "content-encoding": "gzip" }, body: zlib.gzipSync(Buffer.alloc(2 * 1024 * 1024)) },
    "/cp1251-meta": {
      headers: { "content-type": "text/html" },
      body: Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1251"></head><body>'),
        cp1251,
        Buffer.from("</body></html>"),
      ]),
    },
    "/cp1251-bogus-header": {
      headers: { "content-type": "text/html; charset=klingon" },
      body: Buffer.concat([
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
        cp1251,
      ]),
    },
    "/cp1251-xml": {
      headers: { "content-type": "application/rss+xml" },
      body: Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'),
        cp1251,
        Buffer.from("</t>"),
      ]),
    },
    "/koi8-header": {
      headers: { "content-type": 'text/plain; charset="koi8-r"' },
      body: Buffer.from([0xf0, 0xd2, 0xc9]),
    },
    "/bom-wins": {
      headers: { "content-type": "text/plain; charset=iso-8859-1" },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Ünïcödé")]),
    },
    "/slow": { delayMs: 5_000, body: "too late" },
    "/slow-body": (_req, res) => {
      res.writeHead(200);
      res.write("start…");
      // never ends
    },
    "/big-declared": (_req, res) => void res.writeHead(200, { "content-length": String(5000) }).end(Buffer.alloc(5000)),
    "/big-chunked": (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000));
      res.end();
    },
    "/gone": { status: 410, body: "gone" },
    "/error": { status: 503, body: "down" },
  });
  allow = { allowHosts: [server.host] };
});

afterAll(() => server.close());

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
};

describe("safeFetch", () => {
  it("fetches from an allowed host and sends the default user agent", async () => {
    const res = await safeFetch(`${server.url}/plain`, allow);
    expect(res.status).toBe(200);
    expect(res.notModified).toBe(false);
    expect(res.text()).toBe("héllo");
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(server.requests.at(-1)!.headers["user-agent"]).toMatch(/^Parallax\/0\.1/);
  });

  it("refuses the fixture server itself when it is not allowed", async () => {
    const before = server.requests.length;
    const err = await failure(safeFetch(`${server.url}/plain`));
    expect(err).toBeInstanceOf(BlockedUrlError);
    expect(err.reason).toBe("blocked");
    expect(server.requests.length).toBe(before);
  });

  it("pins the connection to the checked address instead of asking DNS again", async () => {
    // fixture.test is unknown to the system resolver: the request can only arrive if the pinned address is used.
    let calls = 0;
    const resolve = async () => {
      calls++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const res = await safeFetch(`http://fixture.test:${server.port}/plain`, {
      allowHosts: [`fixture.test:${server.port}`],
      resolve,
    });
    expect(res.text()).toBe("héllo");
    expect(calls).toBe(1);
    expect(server.requests.at(-1)!.headers.host).toBe(`fixture.test:${server.port}`);
  });

  it("sends If-None-Match and reports 304 as notModified", async () => {
    const first = await safeFetch(`${server.url}/etag`, allow);
    expect(first.headers.etag).toBe('"v1"');
    const second = await safeFetch(`${server.url}/etag`, { ...allow, etag: first.headers.etag });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe('"v1"');
  });

  it("sends If-Modified-Since", async () => {
    const res = await safeFetch(`${server.url}/since`, { ...allow, lastModified: "Wed, 01 Jan 2025 00:00:00 GMT" });
    expect(res.notModified).toBe(true);
    expect((await safeFetch(`${server.url}/since`, allow)).text()).toBe("fresh");
  });

  it("follows redirects, relative ones included, and reports the final URL", async () => {
    const res = await safeFetch(`${server.url}/r1`, allow);
    expect(res.text()).toBe("landed");
    expect(res.url).toBe(`${server.url}/r3?x=1`);
  });

  it("enforces maxRedirects", async () => {
    const err = await failure(safeFetch(`${server.url}/r1`, { ...allow, maxRedirects: 1 }));
    expect(err.reason).toBe("too-many-redirects");
  });

  it("detects a redirect loop", async () => {
    const err = await failure(safeFetch(`${server.url}/loop-a`, allow));
    expect(err.reason).toBe("redirect-loop");
  });

  it("fails a redirect without Location", async () => {
    expect((await failure(safeFetch(`${server.url}/no-location`, allow))).reason).toBe("bad-redirect");
  });

  it.each(["/to-127-0-0-2", "/to-10", "/to-metadata", "/to-file"])(
    "checks every redirect hop: %s is refused",
    async (path) => {
      const err = await failure(safeFetch(`${server.url}${path}`, allow));
      expect(err).toBeInstanceOf(BlockedUrlError);
    },
  );

  it.each([
    ["/gzip", "gzipped body"],
    ["/br", "brotli body"],
    ["/deflate", "deflated body"],
    ["/deflate-raw", "raw deflated body"],
  ])("decompresses %s", async (path, text) => {
    const res = await safeFetch(`${server.url}${path}`, allow);
    expect(res.text()).toBe(text);
    expect(server.requests.at(-1)!.headers["accept-encoding"]).toMatch(/br/);
  });

  it("fails a corrupt gzip body with bad-encoding", async () => {
    expect((await failure(safeFetch(`${server.url}/bad-gzip`, allow))).reason).toBe("bad-encoding");
  });

  it("limits the decompressed size too (gzip bomb)", async () => {
    const err = await failure(safeFetch(`${server.url}/gzip-bomb`, { ...allow, maxBytes: 100_000 }));
    expect(err.reason).toBe("too-large");
  });

  it("decodes windows-1251 declared in <meta charset>", async () => {
    const res = await safeFetch(`${server.url}/cp1251-meta`, allow);
    expect(res.text()).toContain(cyrillic);
  });

  it("falls back to the document's declaration when the header's charset is unknown", async () => {
    expect((await safeFetch(`${server.url}/cp1251-bogus-header`, allow)).text()).toContain(cyrillic);
  });

  it("reads the XML declaration's encoding", async () => {
    expect((await safeFetch(`${server.url}/cp1251-xml`, allow)).text()).toContain(cyrillic);
  });

  it("honours the Content-Type charset", async () => {
    expect((await safeFetch(`${server.url}/koi8-header`, allow)).text()).toBe("При");
  });

  it("lets a BOM win over the header", async () => {
    expect((await safeFetch(`${server.url}/bom-wins`, allow)).text()).toBe("Ünïcödé");
  });

  it("times out a slow server", async () => {
    const started = Date.now();
    const err = await failure(safeFetch(`${server.url}/slow`, { ...allow, timeoutMs: 200 }));
    expect(err.reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("times out a body that never ends", async () => {
    expect((await failure(safeFetch(`${server.url}/slow-body`, { ...allow, timeoutMs: 200 }))).reason).toBe("timeout");
  });

  it("refuses a body whose Content-Length exceeds maxBytes", async () => {
    expect((await failure(safeFetch(`${server.url}/big-declared`, { ...allow, maxBytes: 1000 }))).reason).toBe(
      "too-large",
    );
  });

  it("aborts a streamed body once it exceeds maxBytes", async () => {
    expect((await failure(safeFetch(`${server.url}/big-chunked`, { ...allow, maxBytes: 2500 }))).reason).toBe(
      "too-large",
    );
    expect((await safeFetch(`${server.url}/big-chunked`, { ...allow, maxBytes: 10_000 })).body.length).toBe(10_000);
  });

  it("turns HTTP errors into http-<status>", async () => {
    const gone = await failure(safeFetch(`${server.url}/gone`, allow));
    expect(gone.reason).toBe("http-410");
    expect(gone.status).toBe(410);
    expect((await failure(safeFetch(`${server.url}/missing`, allow))).reason).toBe("http-404");
    expect((await failure(safeFetch(`${server.url}/error`, allow))).reason).toBe("http-503");
  });

  it("reports a refused connection as a network error", async () => {
    // Nothing listens on port 1 on loopback, so connecting is refused at once.
    const err = await failure(safeFetch("http://127.0.0.1:1/", { allowHosts: ["127.0.0.1:1"] }));
    expect(err.reason).toBe("network");
  });

  it("honours a caller's abort signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(safeFetch(`${server.url}/slow`, { ...allow, signal: controller.signal }));
    expect(err.reason).toBe("aborted");
  });

  it("carries Retry-After on error responses", async () => {
    server.route("/busy", { status: 429, headers: { "retry-after": "120" } });
    expect((await failure(safeFetch(`${server.url}/busy`, allow))).retryAfterSeconds).toBe(120);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:10:00 GMT", Date.parse("2025-01-01T00:00:00Z"))).toBe(600);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("safeFetch over https with a pinned address", () => {
  // A self-signed certificate for fixture.test (valid until 2126), trusted through the ca option.
  const dir = path.join(import.meta.dirname, "fixtures");
  const cert = readFileSync(path.join(dir, "fixture-test.cert.pem"));
  const key = readFileSync(path.join(dir, "fixture-test.key.pem"));
  let tls: https.Server;
  let port: number;
  const resolve = async () => [{ address: "127.0.0.1", family: 4 }];

  beforeAll(async () => {
    tls = https.createServer({ cert, key }, (req, res) =>
      res.end(`tls ok, sni ${(req.socket as import("node:tls").TLSSocket).servername}`),
    );
    await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
    port = (tls.address() as AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        tls.closeAllConnections();
        tls.close(() => r());
      }),
  );

  it("connects to the pinned address but verifies the certificate (and sends SNI) for the hostname", async () => {
    const res = await safeFetch(`https://fixture.test:${port}/`, { allowHosts: ["fixture.test"], resolve, ca: cert });
    expect(res.text()).toBe("tls ok, sni fixture.test");
  });

  it("fails when the certificate does not match the hostname", async () => {
    const err = await failure(
      safeFetch(`https://other.test:${port}/`, { allowHosts: ["other.test"], resolve, ca: cert }),
    );
    expect(err.reason).toBe("network");
    expect(err.message).toMatch(/altnames|certificate/i);
  });

  it("fails for an untrusted certificate", async () => {
    const err = await failure(safeFetch(`https://fixture.test:${port}/`, { allowHosts: ["fixture.test"], resolve }));
    expect(err.message).toMatch(/self.signed|certificate/i);
  });
});

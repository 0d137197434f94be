// A hostile web on 127.0.0.1: the fixture server with routes that misbehave as real servers and attackers do
// (endless and trickling bodies, compression bombs, redirect chains and loops, lying headers). Feeds with
// hostile semantics are added per test with `route`.
import type http from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type FixtureServer, startFixtureServer } from "./fixture-server";

/** Bombs expand to this: five times safeFetch's default 10 MiB limit. */
const BOMB_BYTES = 50 * 1024 * 1024;

export interface HostileServer extends FixtureServer {
  /** Open responses (endless and trickling bodies) are destroyed on close. */
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const open = new Set<http.ServerResponse>();
  const zeros = Buffer.alloc(BOMB_BYTES);
  const gzipBomb = gzipSync(zeros, { level: 9 });
  const brotliBomb = brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const keep = (res: http.ServerResponse) => {
    open.add(res);
    res.on("close", () => open.delete(res));
  };
  const server = await startFixtureServer({
    // Never ends: a chunk every few milliseconds, for as long as the client reads.
    "/endless": (_req, res) => {
      keep(res);
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "<p>and more ");
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(chunk)), 2);
      res.on("close", () => clearInterval(timer));
    },
    // One byte a second: never idle long enough for an idle timeout, only a total one stops it.
    "/trickle": (_req, res) => {
      keep(res);
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write("<")), 1000);
      res.on("close", () => clearInterval(timer));
    },
    "/gzip-bomb": { headers: { "content-type": "text/html", "content-encoding": "gzip" }, body: gzipBomb },
    "/brotli-bomb": { headers: { "content-type": "text/html", "content-encoding": "br" }, body: brotliBomb },
    // A gzip bomb served as a plain .gz file: extraction's own gunzip limit must stop it.
    "/page.html.gz": { headers: { "content-type": "application/gzip" }, body: gzipBomb },
    "/loop-a": { status: 302, headers: { location: "/loop-b" } },
    "/loop-b": { status: 301, headers: { location: "/loop-a" } },
    "/png-as-html": {
      headers: { "content-type": "text/html; charset=utf-8" },
      body: Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(4096, 0)]),
    },
  });
  // A chain of 30 redirects, longer than safeFetch follows.
  for (let i = 0; i < 30; i++) server.route(`/chain/${i}`, { status: 302, headers: { location: `/chain/${i + 1}` } });
  const close = server.close;
  return {
    ...server,
    close: async () => {
      for (const res of open) res.destroy();
      await close();
    },
  };
}

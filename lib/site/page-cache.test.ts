import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache";

// A stand-in for Next: renders "<page path> v<version> #<render count>" in two writes, counting renders.
function setup(options: { maxBytes?: number; status?: number; cookie?: boolean } = {}) {
  const versions = new Map<string, string | null>([
    ["/events/1", "a"],
    ["/events/2", "a"],
  ]);
  let renders = 0;
  const cache = createPageCache({
    match: (url) =>
      url.pathname.startsWith("/events/") ? { version: async () => versions.get(url.pathname) ?? null } : null,
    maxBytes: options.maxBytes ?? 1 << 20,
  });
  const server: Server = createServer((req, res) => {
    void cache.handle(req, res, () => {
      renders++;
      const path = new URL(req.url!, "http://x").pathname;
      res.statusCode = options.status ?? 200;
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (options.cookie) res.setHeader("set-cookie", "s=1");
      const body = `${path} ${req.url} v${versions.get(path)} #${renders}`;
      if (req.headers["accept-encoding"]?.includes("gzip")) {
        res.setHeader("content-encoding", "gzip");
        res.end(gzipSync(body));
        return;
      }
      res.write(body.slice(0, 5));
      res.end(body.slice(5));
    });
  });
  return { cache, server, versions, renders: () => renders };
}

let open: Server | undefined;
afterEach(() => open?.close());

async function listen(server: Server): Promise<string> {
  open = server;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("page cache", () => {
  it("renders a page once per version and serves the same bytes from memory in between", async () => {
    const s = setup();
    const base = await listen(s.server);
    const first = await fetch(`${base}/events/1`);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const body = await first.text();
    expect(body).toBe("/events/1 /events/1 va #1");
    const second = await fetch(`${base}/events/1`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await second.text()).toBe(body);
    expect(s.renders()).toBe(1);

    s.versions.set("/events/1", "b");
    expect(await (await fetch(`${base}/events/1`)).text()).toBe("/events/1 /events/1 vb #2");
    expect(await (await fetch(`${base}/events/1`)).text()).toBe("/events/1 /events/1 vb #2");
    expect(s.cache.stats()).toMatchObject({ hits: 2, misses: 2, entries: 1 });
  });

  it("keys copies by query string (in any order) and by accepted encoding", async () => {
    const s = setup();
    const base = await listen(s.server);
    await fetch(`${base}/events/1?a=1&b=2`);
    expect((await fetch(`${base}/events/1?b=2&a=1`)).headers.get("x-page-cache")).toBe("hit");
    expect((await fetch(`${base}/events/1?a=1`)).headers.get("x-page-cache")).toBe("miss");
    const gz = await fetch(`${base}/events/1`, { headers: { "accept-encoding": "gzip" } });
    expect(await gz.text()).toMatch(/^\/events\/1 \/events\/1 va #3$/); // fetch decompresses
    const again = await fetch(`${base}/events/1`, { headers: { "accept-encoding": "gzip" } });
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(again.headers.get("content-encoding")).toBe("gzip");
    expect(await again.text()).toBe("/events/1 /events/1 va #3");
    expect(s.renders()).toBe(3);
  });

  it("answers a matching If-None-Match with 304", async () => {
    const s = setup();
    const base = await listen(s.server);
    await fetch(`${base}/events/1`);
    const etag = (await fetch(`${base}/events/1`)).headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${base}/events/1`, { headers: { "if-none-match": etag } })).status).toBe(304);
    s.versions.set("/events/1", "b");
    const changed = await fetch(`${base}/events/1`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
  });

  it("lets through what it must not store: other URLs, unknown versions, client navigations, POST, errors, cookies", async () => {
    const s = setup();
    const base = await listen(s.server);
    await fetch(`${base}/other`);
    await fetch(`${base}/other`);
    s.versions.set("/events/1", null);
    await fetch(`${base}/events/1`);
    await fetch(`${base}/events/1`);
    await fetch(`${base}/events/2`, { headers: { rsc: "1" } });
    await fetch(`${base}/events/2?_rsc=abc`);
    await fetch(`${base}/events/2`, { method: "POST", body: "x" });
    expect(s.renders()).toBe(7);
    expect(s.cache.stats()).toMatchObject({ hits: 0, entries: 0 });

    for (const options of [{ status: 500 }, { cookie: true }]) {
      const t = setup(options);
      open?.close();
      const url = `${await listen(t.server)}/events/1`;
      await fetch(url);
      await fetch(url);
      expect(t.renders()).toBe(2);
    }
  });

  it("gives every replay of a page sent with a CSP nonce a fresh nonce, in the policy and in each nonce attribute", async () => {
    let renders = 0;
    const cache = createPageCache({ match: () => ({ version: async () => "a" }), maxBytes: 1 << 20 });
    const server = createServer((req, res) => {
      void cache.handle(req, res, () => {
        renders++;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-security-policy", "default-src 'self'; script-src 'self' 'nonce-N0nce+/='");
        res.setHeader("link", '</a.css>; rel=preload; as="style"; nonce="N0nce+/="');
        // As Next writes it: attributes, and props in the payload; the nonce's text elsewhere is page content.
        const body = `<script nonce="N0nce+/=">p({\\"nonce\\":\\"N0nce+/=\\"})</script><p>N0nce+/=</p><script src="/x.js" nonce="N0nce+/="></script>`;
        if (req.headers["accept-encoding"]?.includes("gzip")) {
          res.setHeader("content-encoding", "gzip");
          res.end(gzipSync(body));
        } else res.end(body);
      });
    });
    const base = await listen(server);
    for (const encoding of ["identity", "gzip"]) {
      const seen = new Set<string>();
      let etag = "";
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${base}/events/1`, { headers: { "accept-encoding": encoding } });
        expect(response.headers.get("x-page-cache")).toBe(i === 0 ? "miss" : "hit");
        etag = response.headers.get("etag") ?? etag;
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
        seen.add(nonce);
        const html = await response.text();
        expect(response.headers.get("link")).toBe(`</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
        expect(html).toBe(
          `<script nonce="${nonce}">p({\\"nonce\\":\\"${nonce}\\"})</script><p>N0nce+/=</p><script src="/x.js" nonce="${nonce}"></script>`,
        );
        await new Promise((r) => setTimeout(r, 20)); // the copy is stored once the response has finished
      }
      expect(seen.size).toBe(3);
      // A 304 names no policy: the browser keeps the one whose nonce its own copy carries.
      const revalidated = await fetch(`${base}/events/1`, {
        headers: { "accept-encoding": encoding, "if-none-match": etag },
      });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get("content-security-policy")).toBeNull();
    }
    expect(renders).toBe(2);
  });

  it("keeps within its byte budget, dropping the least recently used page first", async () => {
    const s = setup({ maxBytes: 60 });
    const base = await listen(s.server);
    const get = (path: string) => fetch(base + path, { headers: { "accept-encoding": "identity" } });
    await get("/events/1"); // 25 bytes
    await get("/events/2"); // 25 bytes
    await get("/events/1"); // hit: now the most recently used
    await get("/events/1?x=1"); // 29 bytes: over budget, /events/2 goes
    expect(s.cache.stats()).toMatchObject({ entries: 2, bytes: 54 });
    expect((await get("/events/1")).headers.get("x-page-cache")).toBe("hit");
    expect((await get("/events/2")).headers.get("x-page-cache")).toBe("miss");
  });
});

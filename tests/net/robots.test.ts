import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/tests/support/fixture-server";
import {
  assertRobotsAllowed,
  checkRobots,
  RobotsCache,
  RobotsDisallowedError,
  type RobotsPolicy,
} from "@/lib/net/robots";

const ROBOTS = `
User-agent: *
Disallow: /

User-agent: Parallax
Disallow: /private/
Allow: /private/press-release
`;

describe("checkRobots", () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ "/robots.txt": { body: ROBOTS, headers: { "content-type": "text/plain" } } });
  });
  afterAll(() => server.close());

  const robotsFetches = () => server.requests.filter((r) => r.path === "/robots.txt").length;

  it("follows the Parallax group, not the * group, and fetches robots.txt once per origin", async () => {
    const cache = new RobotsCache();
    const opts = { allowHosts: [server.host], cache };
    const before = robotsFetches();
    expect((await checkRobots(`${server.url}/news/a`, opts)).allowed).toBe(true);
    expect((await checkRobots(`${server.url}/private/memo`, opts)).allowed).toBe(false);
    expect((await checkRobots(`${server.url}/private/press-release`, opts)).allowed).toBe(true);
    expect(robotsFetches() - before).toBe(1);
  });

  it("assertRobotsAllowed throws 'disallowed by robots.txt' for a disallowed page", async () => {
    const opts = { allowHosts: [server.host], cache: new RobotsCache() };
    await expect(assertRobotsAllowed(`${server.url}/private/x`, opts)).rejects.toThrow(RobotsDisallowedError);
    await expect(assertRobotsAllowed(`${server.url}/private/x`, opts)).rejects.toThrow(/^disallowed by robots\.txt$/);
    await expect(assertRobotsAllowed(`${server.url}/world/y`, opts)).resolves.toBeUndefined();
  });

  it("asks again once the TTL has passed", async () => {
    let now = 1_000_000;
    const cache = new RobotsCache({ ttlMs: 60_000, now: () => now });
    const opts = { allowHosts: [server.host], cache };
    const before = robotsFetches();
    await checkRobots(`${server.url}/a`, opts);
    now += 59_000;
    await checkRobots(`${server.url}/b`, opts);
    expect(robotsFetches() - before).toBe(1);
    now += 2_000;
    await checkRobots(`${server.url}/c`, opts);
    expect(robotsFetches() - before).toBe(2);
  });
});

describe("checkRobots without usable rules", () => {
  it("treats a missing robots.txt (404) as allow-all", async () => {
    const server = await startFixtureServer({});
    try {
      const verdict = await checkRobots(`${server.url}/anything`, {
        allowHosts: [server.host],
        cache: new RobotsCache(),
      });
      expect(verdict).toEqual({ allowed: true, why: "no robots.txt (HTTP 404)" });
    } finally {
      await server.close();
    }
  });

  it("treats a 5xx as disallow-all for a short while, then asks again", async () => {
    let status = 503;
    const server = await startFixtureServer({
      "/robots.txt": (_req, res) =>
        void res
          .writeHead(status, { "content-type": "text/plain" })
          .end(status === 200 ? "User-agent: *\nAllow: /\n" : "down"),
    });
    try {
      let now = 0;
      const cache = new RobotsCache({ ttlMs: 3_600_000, errorTtlMs: 600_000, now: () => now });
      const opts = { allowHosts: [server.host], cache };
      const first = await checkRobots(`${server.url}/page`, opts);
      expect(first.allowed).toBe(false);
      expect(first.why).toMatch(/robots\.txt unavailable \(HTTP 503\)/);
      status = 200;
      now += 60_000; // still within the error TTL: the failure is remembered
      expect((await checkRobots(`${server.url}/page`, opts)).allowed).toBe(false);
      now += 600_000;
      expect((await checkRobots(`${server.url}/page`, opts)).allowed).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("treats an unreachable server as disallow-all", async () => {
    const server = await startFixtureServer({});
    const { url, host } = server;
    await server.close();
    const verdict = await checkRobots(`${url}/page`, { allowHosts: [host], cache: new RobotsCache() });
    expect(verdict.allowed).toBe(false);
  });
});

describe("RobotsCache", () => {
  it("evicts the least recently used origin beyond maxEntries", () => {
    const cache = new RobotsCache({ maxEntries: 2 });
    const p: Promise<RobotsPolicy> = Promise.resolve({ kind: "allow-all", why: "test" });
    cache.set("https://a.example", p);
    cache.set("https://b.example", p);
    cache.get("https://a.example"); // a is now the most recently used
    cache.set("https://c.example", p);
    expect(cache.size).toBe(2);
    expect(cache.get("https://b.example")).toBeUndefined();
    expect(cache.get("https://a.example")).toBe(p);
    expect(cache.get("https://c.example")).toBe(p);
  });
});

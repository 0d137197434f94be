// Accounts, sessions, guards, the cross-origin check and sign-in throttling, on a real migrated database and with
// the route handlers driven by real Request objects.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { requireAdmin, requireEditor } from "@/lib/auth/guards";
import { handleLogin, handleLogout } from "@/lib/auth/handlers";
import { isSameOrigin, refuseCrossOriginWrite } from "@/lib/auth/origin";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { PEER_HEADER } from "@/lib/auth/client-ip";
import { DatabaseLimiter, loginLimiter, SlidingWindowLimiter } from "@/lib/auth/rate-limit";
import { safeNextPath } from "@/lib/auth/schema";
import {
  createSession,
  deleteExpiredSessions,
  findSession,
  hashToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from "@/lib/auth/sessions";
import { createUser } from "@/lib/auth/users";
import { messageQuery, readFormMessage } from "@/lib/editor/form-message";
import { createTempDb } from "./support/temp-db";

// The real verifyPassword, counted: the throttle is judged by how many hashes an attacker got evaluated.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let db: Db;
let dbUrl: string;
let cleanup: () => Promise<void>;
let editorId: number;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  const t = await createTempDb();
  db = t.db;
  dbUrl = t.url;
  cleanup = t.cleanup;
  editorId = (await createUser(db, { email: "ed@example.org", password: PASSWORD, role: "editor" })).id;
});
afterAll(() => cleanup());

describe("scrypt password hashes", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("a long enough password");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword("a long enough password", stored)).toBe(true);
    expect(await verifyPassword("a long enough passwore", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("same password here", { N: 1024 })).not.toBe(
      await hashPassword("same password here", { N: 1024 }),
    );
  });

  it("refuses a tampered or malformed hash instead of throwing", async () => {
    const stored = await hashPassword("tamper with me please", { N: 1024 });
    const parts = stored.split("$");
    const key = Buffer.from(parts[5]!, "base64");
    key[0]! ^= 1;
    expect(
      await verifyPassword("tamper with me please", [...parts.slice(0, 5), key.toString("base64")].join("$")),
    ).toBe(false);
    const otherSalt = Buffer.alloc(16, 7).toString("base64");
    expect(await verifyPassword("tamper with me please", [...parts.slice(0, 4), otherSalt, parts[5]].join("$"))).toBe(
      false,
    );
    // Parameters are part of what is verified: a changed N derives another key.
    expect(await verifyPassword("tamper with me please", stored.replace("$1024$", "$2048$"))).toBe(false);
    for (const bad of [
      "",
      "plain",
      "bcrypt$x",
      stored.replace("$1024$", "$1000$"),
      stored.replace("$1024$", `$${2 ** 30}$`),
    ]) {
      expect(await verifyPassword("tamper with me please", bad)).toBe(false);
    }
  });
});

describe("sessions", () => {
  it("stores only the token's hash and finds the user by the token", async () => {
    const { token, expiresAt } = await createSession(db, editorId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).not.toBeNull();
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
    expect(await findSession(db, token)).toEqual({ userId: editorId, email: "ed@example.org", role: "editor" });
    expect(await findSession(db, `${token}x`)).toBeNull();
    expect(await findSession(db, undefined)).toBeNull();
  });

  it("expires, and an expired session is deleted when it is presented", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const { token, expiresAt } = await createSession(db, editorId, start);
    expect(await findSession(db, token, new Date(expiresAt.getTime() - 1000))).not.toBeNull();
    expect(await findSession(db, token, expiresAt)).toBeNull();
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
    await createSession(db, editorId, start);
    expect(await deleteExpiredSessions(db, new Date(expiresAt.getTime() + 1))).toBeGreaterThanOrEqual(1);
  });
});

describe("guards", () => {
  const editor = { userId: 1, email: "e@x.org", role: "editor" };
  const admin = { userId: 2, email: "a@x.org", role: "admin" };
  it("401 without a session, 403 with the wrong role", () => {
    expect(() => requireEditor(null)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requireAdmin(undefined)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requireAdmin(editor)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => requireEditor({ ...editor, role: "reader" })).toThrow(expect.objectContaining({ status: 403 }));
    expect(requireEditor(editor)).toBe(editor);
    expect(requireEditor(admin)).toBe(admin);
    expect(requireAdmin(admin)).toBe(admin);
  });
});

describe("cross-origin check", () => {
  it("accepts same origin and refuses another origin", () => {
    expect(isSameOrigin(new Headers({ host: "news.example", origin: "http://news.example" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "news.example", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "news.example", origin: "https://sub.news.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "news.example", origin: "null" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "news.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "news.example", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("compares the scheme and port too, and reads forwarded headers only behind a trusted proxy", () => {
    const check = (headers: Record<string, string>, trustProxy = false) =>
      isSameOrigin(new Headers(headers), trustProxy);
    // npm start speaks plain HTTP: an https page (or any other port) is another origin.
    expect(check({ host: "news.example", origin: "https://news.example" })).toBe(false);
    expect(check({ host: "news.example:3000", origin: "http://news.example:3000" })).toBe(true);
    expect(check({ host: "news.example:3000", origin: "http://news.example:3001" })).toBe(false);
    expect(check({ host: "news.example", origin: "http://news.example:80" })).toBe(true);
    // A client's own X-Forwarded-Host / -Proto count for nothing without TRUST_PROXY.
    const forged = { host: "news.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(check({ ...forged, origin: "https://evil.example" })).toBe(false);
    expect(check({ ...forged, origin: "http://news.example" })).toBe(true);
    // Behind a trusted TLS proxy the browser's origin is the forwarded one, scheme included.
    const proxied = { host: "127.0.0.1:3000", "x-forwarded-host": "news.example", "x-forwarded-proto": "https" };
    expect(check({ ...proxied, origin: "https://news.example" }, true)).toBe(true);
    expect(check({ ...proxied, origin: "http://news.example" }, true)).toBe(false);
    expect(check({ ...proxied, origin: "https://127.0.0.1:3000" }, true)).toBe(false);
    expect(check({ host: "news.example/evil", origin: "http://news.example" })).toBe(false);
  });

  it("answers a cross-origin write 403 before the app sees it, and drops forged forwarded headers", async () => {
    const seen: Record<string, string | undefined>[] = [];
    const server = createServer((req, res) => {
      if (refuseCrossOriginWrite(req, res, false)) return;
      seen.push({ method: req.method, xfh: req.headers["x-forwarded-host"] as string | undefined });
      res.end("ran");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (headers: Record<string, string>) => fetch(`${base}/editor`, { method: "POST", headers, body: "x" });
      const evil = await post({ origin: "https://evil.example" });
      expect(evil.status).toBe(403);
      expect(await evil.text()).toBe("Cross-origin request refused.");
      // Next's own check would have believed this X-Forwarded-Host; here it is refused and never reaches Next.
      expect((await post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
      expect((await post({ origin: base.replace("http:", "https:") })).status).toBe(403);
      expect(seen).toEqual([]);
      const same = await post({ origin: base, "x-forwarded-host": "evil.example" });
      expect(same.status).toBe(200);
      expect((await fetch(`${base}/`, { headers: { origin: "https://evil.example" } })).status).toBe(200);
      expect(seen).toEqual([
        { method: "POST", xfh: undefined },
        { method: "GET", xfh: undefined },
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

it("only returns to paths on this site after sign-in", () => {
  expect(safeNextPath("/editor?x=1")).toBe("/editor?x=1");
  for (const bad of ["https://evil.example/", "//evil.example/", "/\\evil.example", "", undefined])
    expect(safeNextPath(bad)).toBe("/editor");
});

// Browsers strip tabs and newlines from a URL and read a backslash as a slash: each of these would leave the site
// or, in a Location header, throw (HTTP 500).
const HOSTILE_NEXT = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\v/evil.example",
  "/\f/evil.example",
  "/\u3000/evil.example",
  "/\u0000/evil.example",
  "/editor\u0000",
  "/ /evil.example",
  "/\u00a0/evil.example",
  "/\u200b/evil.example",
  "/editor\\..\\evil",
  "/editor\r\nSet-Cookie: x=1",
  `/${"a".repeat(5000)}`,
];

it("accepts only a strict same-site path as next: no whitespace, control characters or backslashes anywhere", () => {
  for (const bad of HOSTILE_NEXT) expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/editor");
  for (const good of ["/", "/editor/sources", "/editor/events/12?tab=tags&q=a%20b#top", "/events/3"])
    expect(safeNextPath(good)).toBe(good);
});

function loginRequest(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request("http://parallax.test/login/submit", {
    method: "POST",
    headers: {
      host: "parallax.test",
      origin: "http://parallax.test",
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}

function cookieToken(res: Response): string | null {
  const match = res.headers.get("set-cookie")?.match(new RegExp(`^${SESSION_COOKIE}=([^;]*)`));
  return match ? match[1]! : null;
}

describe("sign in and sign out", () => {
  it("signs in with the right password: a session cookie with the right attributes, and a redirect", async () => {
    const res = await handleLogin(
      loginRequest({ email: " ED@example.org ", password: PASSWORD, next: "/editor?tab=tags" }),
      {
        db,
        limiter: new SlidingWindowLimiter(5, 15 * 60_000),
      },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/editor?tab=tags");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    expect(await findSession(db, cookieToken(res))).toMatchObject({ userId: editorId });
  });

  it("refuses a wrong password without a cookie, and an offsite next", async () => {
    const res = await handleLogin(
      loginRequest({ email: "ed@example.org", password: "wrong password!!", next: "//evil.example" }),
      {
        db,
        limiter: new SlidingWindowLimiter(5, 15 * 60_000),
      },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?error=invalid&next=%2Feditor");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a cross-origin sign-in and sign-out with 403", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const res = await handleLogin(
      loginRequest({ email: "ed@example.org", password: PASSWORD }, { origin: "https://evil.example" }),
      { db, limiter },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const { token } = await createSession(db, editorId);
    const out = await handleLogout(
      new Request("http://parallax.test/logout", {
        method: "POST",
        headers: { host: "parallax.test", origin: "https://evil.example", cookie: `${SESSION_COOKIE}=${token}` },
      }),
      { db },
    );
    expect(out.status).toBe(403);
    expect(await findSession(db, token)).not.toBeNull();
  });

  it("signing out deletes the session and clears the cookie", async () => {
    const { token } = await createSession(db, editorId);
    const res = await handleLogout(
      new Request("http://parallax.test/logout", {
        method: "POST",
        headers: {
          host: "parallax.test",
          origin: "http://parallax.test",
          cookie: `other=1; ${SESSION_COOKIE}=${token}`,
        },
      }),
      { db },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`),
    );
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
    expect(await findSession(db, token)).toBeNull();
  });

  it("throttles after five failures per email, with a 429 that says when to retry, even for the right password", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      const res = await handleLogin(
        loginRequest(
          { email: "ed@example.org", password: `wrong password ${i}` },
          { "x-forwarded-for": `10.0.0.${i}` },
        ),
        { db, limiter, now, trustProxy: true },
      );
      expect(res.status).toBe(303);
    }
    const blocked = await handleLogin(
      loginRequest({ email: "ed@example.org", password: PASSWORD }, { "x-forwarded-for": "10.0.0.99" }),
      { db, limiter, now, trustProxy: true },
    );
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    expect(blocked.headers.get("retry-after")).toBe("900");
    expect(blocked.headers.get("set-cookie")).toBeNull();
    // The window slides: fifteen minutes later the right password works again.
    const later = await handleLogin(loginRequest({ email: "ed@example.org", password: PASSWORD }), {
      db,
      limiter,
      now: new Date(now.getTime() + 15 * 60_000 + 1),
    });
    expect(later.status).toBe(303);
    expect(cookieToken(later)).toBeTruthy();
  });

  it("throttles per IP across different emails, reading X-Forwarded-For only behind a trusted proxy", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const viaProxy = (ip: string) => ({ "x-forwarded-for": `1.2.3.4, ${ip}`, [PEER_HEADER]: "10.0.0.1" }); // the proxy appends
    for (let i = 0; i < 5; i++)
      await handleLogin(
        loginRequest({ email: `nobody${i}@example.org`, password: "whatever123456" }, viaProxy("203.0.113.9")),
        { db, limiter, trustProxy: true },
      );
    const res = await handleLogin(
      loginRequest({ email: "ed@example.org", password: PASSWORD }, viaProxy("203.0.113.9")),
      { db, limiter, trustProxy: true },
    );
    expect(res.status).toBe(429);
    const elsewhere = await handleLogin(
      loginRequest({ email: "ed@example.org", password: PASSWORD }, viaProxy("198.51.100.1")),
      { db, limiter, trustProxy: true },
    );
    expect(elsewhere.status).toBe(303);

    // Without a proxy, a forged X-Forwarded-For changes nothing: the TCP peer is counted.
    const direct = new SlidingWindowLimiter(5, 15 * 60_000);
    const forged = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}`, [PEER_HEADER]: "203.0.113.77" });
    for (let i = 0; i < 5; i++)
      await handleLogin(loginRequest({ email: `nobody${i}@example.org`, password: "whatever123456" }, forged(i)), {
        db,
        limiter: direct,
      });
    expect(
      (
        await handleLogin(loginRequest({ email: "ed@example.org", password: PASSWORD }, forged(9)), {
          db,
          limiter: direct,
        })
      ).status,
    ).toBe(429);
  });

  it("counts an attempt before hashing: of 20 parallel wrong passwords only 5 are evaluated, the rest get 429", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handleLogin(loginRequest({ email: "ed@example.org", password: `parallel wrong ${i}` }), { db, limiter }),
      ),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    expect(responses.filter((r) => r.status === 303)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it("a successful sign-in does not count against its address", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const peer = { [PEER_HEADER]: "203.0.113.50" };
    for (let i = 0; i < 6; i++)
      expect(
        (await handleLogin(loginRequest({ email: "ed@example.org", password: PASSWORD }, peer), { db, limiter }))
          .status,
      ).toBe(303);
  });

  it("signing in again replaces the session the browser held", async () => {
    const limiter = new SlidingWindowLimiter(5, 15 * 60_000);
    const old = await createSession(db, editorId);
    const res = await handleLogin(
      loginRequest({ email: "ed@example.org", password: PASSWORD }, { cookie: `a=1; ${SESSION_COOKIE}=${old.token}` }),
      { db, limiter },
    );
    expect(res.status).toBe(303);
    const fresh = cookieToken(res);
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old.token);
    expect(await findSession(db, fresh)).toMatchObject({ userId: editorId });
    expect(await db.session.findUnique({ where: { id: hashToken(old.token) } })).toBeNull();
  });

  it("a sign-in sweeps expired sessions that nobody presents again", async () => {
    const stale = await createSession(db, editorId, new Date(Date.now() - SESSION_TTL_MS - 60_000));
    const res = await handleLogin(loginRequest({ email: "ed@example.org", password: PASSWORD }), {
      db,
      limiter: new SlidingWindowLimiter(5, 15 * 60_000),
    });
    expect(res.status).toBe(303);
    expect(await db.session.findUnique({ where: { id: hashToken(stale.token) } })).toBeNull();
    expect(await db.session.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
  });

  it("signs in with a hostile next to /editor, never a 500 or an offsite Location", async () => {
    for (const next of HOSTILE_NEXT) {
      const res = await handleLogin(loginRequest({ email: "ed@example.org", password: PASSWORD, next }), {
        db,
        limiter: new SlidingWindowLimiter(5, 15 * 60_000),
      });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get("location")).toBe("/editor");
    }
  });
});

// Several web instances behind a load balancer: each has its own database client (and would have its own memory),
// and the limit must still be five attempts in all, not five per instance.
describe("the sign-in limit in the database, shared by two web instances", () => {
  let other: Db;
  beforeAll(async () => {
    other = createDb(dbUrl);
    await createUser(db, { email: "shared@example.org", password: PASSWORD, role: "editor" });
  });
  afterAll(() => other.$disconnect());

  const wrong = (i: number, ip: string) =>
    loginRequest({ email: "shared@example.org", password: `wrong ${i}` }, { [PEER_HEADER]: ip });

  it("counts failures made on either instance against the same email", async () => {
    const a = loginLimiter(db);
    const b = loginLimiter(other);
    // Each attempt from a new address, so only the email's count can refuse the sixth.
    for (let i = 0; i < 5; i++) {
      const res = await handleLogin(wrong(i, `198.51.100.${i + 1}`), { db, limiter: i % 2 ? a : b });
      expect(res.status).toBe(303);
    }
    const sixth = await handleLogin(wrong(5, "198.51.100.99"), { db: other, limiter: b });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    // The right password is refused too while the email is limited, on the instance that saw no failure of its own.
    const right = await handleLogin(
      loginRequest({ email: "shared@example.org", password: PASSWORD }, { [PEER_HEADER]: "198.51.100.98" }),
      { db, limiter: a },
    );
    expect(right.status).toBe(429);
    await a.reset("email:shared@example.org");
  });

  it("of 20 parallel wrong passwords split over two instances only 5 are evaluated", async () => {
    const a = new DatabaseLimiter(db, 5, 15 * 60_000);
    const b = new DatabaseLimiter(other, 5, 15 * 60_000);
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handleLogin(wrong(i, "198.51.100.200"), i % 2 ? { db, limiter: a } : { db: other, limiter: b }),
      ),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    expect(responses.filter((r) => r.status === 303)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(15);
    // Refused attempts take their rows back: five remain per key.
    expect(await db.loginAttempt.count({ where: { key: "email:shared@example.org" } })).toBe(5);
  });
});

describe("the form message key in the database, shared by two web instances", () => {
  it("a message signed by one instance is shown by another; the key is made once", async () => {
    const [a, b] = [createDb(dbUrl), createDb(dbUrl)];
    try {
      // Both instances' first message at once: both must end up with the one key that was stored.
      const [fromA, fromB] = await Promise.all([
        messageQuery(a, "notice", "Feed added.", editorId),
        messageQuery(b, "error", "That feed is already listed.", editorId),
      ]);
      const query = (q: string) => Object.fromEntries(new URLSearchParams(q));
      expect(await readFormMessage(b, query(fromA), editorId)).toEqual({ notice: "Feed added." });
      expect(await readFormMessage(a, query(fromB), editorId)).toEqual({ error: "That feed is already listed." });
      expect(await db.setting.count({ where: { key: "form-message-key" } })).toBe(1);
      // Still bound to its editor, and forged text is still dropped.
      expect(await readFormMessage(b, query(fromA), editorId + 1000)).toEqual({});
      expect(await readFormMessage(b, { ...query(fromA), notice: "Sign in at evil.example" }, editorId)).toEqual({});
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
  });
});

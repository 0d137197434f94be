// robots.txt for article PAGE fetches. Feeds are published to be polled, so they are not checked; pages are
// crawled on the publisher's terms. Answers are cached per origin (robots.txt is per scheme+host+port).
//
// Status policy, as Google documents it for its crawler:
// - 2xx: the rules apply; the group for "Parallax" if there is one, else "*".
// - 4xx (404, 401, 403, 410...): there is no robots.txt, so everything is allowed. 429 is overload, not absence,
//   and counts as a server error.
// - 5xx, 429, timeouts and network errors: the site cannot tell us its rules, so we assume "disallow everything"
//   and ask again after a short while (ERROR_TTL) rather than hammering a struggling server.
// - A URL the SSRF guard refuses: allowed here; the page fetch is refused by the same guard with a clearer reason.
import robotsParser from "robots-parser";
import { BlockedUrlError } from "./errors";
import { FetchError, safeFetch, type SafeFetchOptions } from "./fetch";

/** The product token robots.txt groups are matched against. */
export const ROBOTS_USER_AGENT = "Parallax";
export const ROBOTS_TTL_MS = 60 * 60_000;
export const ROBOTS_ERROR_TTL_MS = 10 * 60_000;
/** Google reads the first 500 KiB; a bigger file is not a robots.txt anyone means. */
const MAX_ROBOTS_BYTES = 512 * 1024;

export type RobotsPolicy =
  | { kind: "rules"; isAllowed: (url: string) => boolean }
  | { kind: "allow-all"; why: string }
  | { kind: "disallow-all"; why: string };

interface Entry {
  policy: Promise<RobotsPolicy>;
  expiresAt: number;
}

export interface RobotsCacheOptions {
  ttlMs?: number;
  errorTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** Per-origin answers, least recently used evicted first. Concurrent checks of one origin share one fetch. */
export class RobotsCache {
  readonly ttlMs: number;
  readonly errorTtlMs: number;
  readonly maxEntries: number;
  readonly now: () => number;
  private entries = new Map<string, Entry>();

  constructor(opts: RobotsCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? ROBOTS_TTL_MS;
    this.errorTtlMs = opts.errorTtlMs ?? ROBOTS_ERROR_TTL_MS;
    this.maxEntries = opts.maxEntries ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(origin: string): Promise<RobotsPolicy> | undefined {
    const entry = this.entries.get(origin);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(origin);
      return undefined;
    }
    // Re-insert so Map order stays least-recently-used first.
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    return entry.policy;
  }

  set(origin: string, policy: Promise<RobotsPolicy>): void {
    const entry: Entry = { policy, expiresAt: this.now() + this.ttlMs };
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // Failures are remembered for less time than real answers.
    void policy.then((p) => {
      if (p.kind === "disallow-all" && this.entries.get(origin) === entry)
        entry.expiresAt = this.now() + this.errorTtlMs;
    });
  }

  clear(): void {
    this.entries.clear();
  }
}

const defaultCache = new RobotsCache();

export interface RobotsOptions extends Pick<SafeFetchOptions, "allowHosts" | "resolve" | "ca" | "timeoutMs"> {
  cache?: RobotsCache;
}

export interface RobotsVerdict {
  allowed: boolean;
  /** Why, for logs: "rules", "no robots.txt (HTTP 404)", "robots.txt unavailable (HTTP 503)"... */
  why: string;
}

export class RobotsDisallowedError extends Error {
  override name = "RobotsDisallowedError";
  readonly url: string;
  constructor(url: string, why: string) {
    // The message is the reason recorded for a failed ingest, so it stays short and stable.
    super("disallowed by robots.txt", { cause: why });
    this.url = url;
  }
}

async function loadPolicy(robotsUrl: string, opts: RobotsOptions): Promise<RobotsPolicy> {
  try {
    const res = await safeFetch(robotsUrl, {
      allowHosts: opts.allowHosts,
      resolve: opts.resolve,
      ca: opts.ca,
      timeoutMs: opts.timeoutMs ?? 10_000,
      maxBytes: MAX_ROBOTS_BYTES,
      accept: "text/plain, */*;q=0.5",
    });
    const robots = robotsParser(res.url, res.text());
    // The rules are for the host that served them; after a cross-host redirect robots-parser answers undefined,
    // which we read as allowed (the redirect target's rules say nothing about this host).
    return { kind: "rules", isAllowed: (url) => robots.isAllowed(url, ROBOTS_USER_AGENT) !== false };
  } catch (err) {
    if (err instanceof BlockedUrlError) return { kind: "allow-all", why: "robots.txt not fetchable (blocked address)" };
    if (err instanceof FetchError && err.status && err.status >= 400 && err.status < 500 && err.status !== 429) {
      return { kind: "allow-all", why: `no robots.txt (HTTP ${err.status})` };
    }
    const why =
      err instanceof FetchError && err.status ? `HTTP ${err.status}` : err instanceof Error ? err.message : String(err);
    return { kind: "disallow-all", why: `robots.txt unavailable (${why})` };
  }
}

/** Whether Parallax may fetch this page, by its site's robots.txt. Never throws for network trouble. */
export async function checkRobots(pageUrl: string, opts: RobotsOptions = {}): Promise<RobotsVerdict> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { allowed: true, why: "not a URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { allowed: true, why: "not http(s)" };
  const cache = opts.cache ?? defaultCache;
  let policy = cache.get(url.origin);
  if (!policy) {
    policy = loadPolicy(`${url.origin}/robots.txt`, opts);
    cache.set(url.origin, policy);
  }
  const p = await policy;
  if (p.kind === "rules") {
    const allowed = p.isAllowed(url.href);
    return { allowed, why: allowed ? "allowed by robots.txt" : "disallowed by robots.txt" };
  }
  return { allowed: p.kind === "allow-all", why: p.why };
}

/** Throws RobotsDisallowedError ("disallowed by robots.txt") when the page may not be fetched. */
export async function assertRobotsAllowed(pageUrl: string, opts: RobotsOptions = {}): Promise<void> {
  const verdict = await checkRobots(pageUrl, opts);
  if (!verdict.allowed) throw new RobotsDisallowedError(pageUrl, verdict.why);
}

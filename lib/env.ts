// The environment, validated in one place and read through getEnv(). Not `server-only`: the command-line
// scripts (tsx, outside Next) read it too, and there the package's default export throws on import. Nothing
// leaks to a browser either way: Next gives client bundles only NEXT_PUBLIC_* variables, none of which is here.
import { z } from "zod";

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((v) => v === "on" || v === "true" || v === "1");

export const envSchema = z.object({
  /** `file:…` for SQLite (the embedded default), `postgresql://…` (or `postgres://…`) for PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/i,
      'DATABASE_URL must be a SQLite URL such as "file:./data/parallax.db" or a PostgreSQL URL such as ' +
        '"postgresql://user:password@host:5432/parallax"',
    )
    .default("file:./data/parallax.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /**
   * Set by Next (and vitest); only "production" changes anything here (the session cookie is Secure). Another
   * value is what Next itself only warns about, so it counts as development rather than failing the start.
   */
  NODE_ENV: z.enum(["production", "development", "test"]).catch("development"),
  /** off disables the feed scheduler that `npm start` runs in the same process. */
  INGEST_SCHEDULE: onOff.default(true),
  /** off skips loading the shipped default source list on first start (tests, or a user bringing their own list). */
  DEFAULT_SOURCES: onOff.default(true),
  /** Minutes between scheduler passes over the feeds that are due. */
  INGEST_INTERVAL_MINUTES: z.coerce.number().positive().default(15),
  /**
   * on when a reverse proxy in front of `npm start` sets X-Forwarded-For, -Host and -Proto: the login limit per IP
   * and the cross-origin check (lib/auth/origin.ts) then read them. Off, they are the client's and are ignored.
   */
  TRUST_PROXY: onOff.default(false),
  /** Memory for rendered event pages kept between changes of their event (lib/site/page-cache.ts); 0 turns it off. */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /**
   * Time one input's extraction may take (lib/extract/bounded-extractor.ts); past it the input fails with that
   * reason and the run goes on. No article takes seconds to extract; a hostile page could take hours.
   */
  EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Heap of the extraction worker: a page that needs more fails with that reason instead of taking the process. */
  EXTRACT_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(512),
  /**
   * Comma-separated host[:port] list that may be fetched even though it resolves to a private or loopback
   * address. Only tests set this, for their fixture server on 127.0.0.1; production leaves it empty.
   */
  FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * The public base URL of the feeds (lib/syndication/config.ts). Checked there, when a feed is made, rather
   * than here: a malformed one fails the feeds, not the whole server.
   */
  PUBLIC_URL: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, failing with one readable line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

const NAMES = Object.keys(envSchema.shape) as (keyof Env)[];
let parsed: { key: string; env: Env } | null = null;

function readProcessEnv(): Record<string, string | undefined> {
  const source = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  // Written out so that Next replaces it in its bundles with the mode the site was built in, as it does every
  // `process.env.NODE_ENV`: a built site is "production" (Secure cookies) whatever NODE_ENV it is started with.
  source.NODE_ENV = process.env.NODE_ENV;
  return source;
}

/**
 * The process environment, parsed on first use. It is parsed again only when one of its variables has changed
 * since, which happens in tests (they point DATABASE_URL or PUBLIC_URL somewhere) and never in a server.
 */
export function getEnv(): Env {
  const source = readProcessEnv();
  const key = JSON.stringify(NAMES.map((name) => source[name] ?? null));
  if (parsed?.key !== key) parsed = { key, env: parseEnv(source) };
  return parsed.env;
}

import { z } from "zod";

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((v) => v === "on" || v === "true" || v === "1");

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .startsWith("file:", 'DATABASE_URL must be a SQLite URL such as "file:./data/parallax.db"')
    .default("file:./data/parallax.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** off disables the feed scheduler that `npm start` runs in the same process. */
  INGEST_SCHEDULE: onOff.default(true),
  /** off skips loading the shipped default source list on first start (tests, or a user bringing their own list). */
  DEFAULT_SOURCES: onOff.default(true),
  /** Minutes between scheduler passes over the feeds that are due. */
  INGEST_INTERVAL_MINUTES: z.coerce.number().positive().default(15),
  /**
   * Comma-separated host[:port] list that may be fetched even though it resolves to a private or loopback
   * address. Only tests set this, for their fixture server on 127.0.0.1; production leaves it empty.
   */
  /** on when a reverse proxy in front of `npm start` sets X-Forwarded-For: the login limit per IP then reads it. */
  TRUST_PROXY: onOff.default(false),
  /** Memory for rendered event pages kept between changes of their event (lib/site/page-cache.ts); 0 turns it off. */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
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

import { afterEach, describe, expect, it } from "vitest";
import { getEnv, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/parallax.db",
      PORT: 3000,
      INGEST_SCHEDULE: true,
      DEFAULT_SOURCES: true,
      TRUST_PROXY: false,
      PAGE_CACHE_MB: 64,
      FETCH_ALLOW_HOSTS: [],
    });
  });

  it("reads switches, numbers and lists", () => {
    const env = parseEnv({
      INGEST_SCHEDULE: "off",
      TRUST_PROXY: "on",
      PAGE_CACHE_MB: "0",
      PORT: "8080",
      FETCH_ALLOW_HOSTS: " 127.0.0.1:9000, Localhost ",
    });
    expect(env).toMatchObject({
      INGEST_SCHEDULE: false,
      TRUST_PROXY: true,
      PAGE_CACHE_MB: 0,
      PORT: 8080,
      FETCH_ALLOW_HOSTS: ["127.0.0.1:9000", "localhost"],
    });
  });

  it("fails with one line per bad variable, naming it", () => {
    const error = (() => {
      try {
        parseEnv({ DATABASE_URL: "mysql://x", PAGE_CACHE_MB: "-1", INGEST_SCHEDULE: "maybe" });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/^Invalid environment:/);
    expect(error).toMatch(/DATABASE_URL: DATABASE_URL must be a SQLite URL .* or a PostgreSQL URL/);
    expect(error).toMatch(/PAGE_CACHE_MB:/);
    expect(error).toMatch(/INGEST_SCHEDULE:/);
  });
});

describe("DATABASE_URL", () => {
  it("accepts SQLite and PostgreSQL URLs", () => {
    for (const url of ["file:./x.db", "postgresql://u:p@db:5432/parallax", "postgres://db/parallax"]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });
});

describe("NODE_ENV", () => {
  it("is development unless it names one of the three modes", () => {
    expect(parseEnv({}).NODE_ENV).toBe("development");
    expect(parseEnv({ NODE_ENV: "production" }).NODE_ENV).toBe("production");
    expect(parseEnv({ NODE_ENV: "staging" }).NODE_ENV).toBe("development");
  });
});

describe("getEnv", () => {
  const saved = process.env.PAGE_CACHE_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAGE_CACHE_MB;
    else process.env.PAGE_CACHE_MB = saved;
  });

  it("parses once, and again only when a variable changes", () => {
    process.env.PAGE_CACHE_MB = "12";
    const first = getEnv();
    expect(first.PAGE_CACHE_MB).toBe(12);
    expect(first.NODE_ENV).toBe("test");
    expect(getEnv()).toBe(first);
    process.env.PAGE_CACHE_MB = "13";
    expect(getEnv().PAGE_CACHE_MB).toBe(13);
  });
});

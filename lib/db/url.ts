import path from "node:path";

/** The two databases: SQLite (embedded, the default) and PostgreSQL (for scale-out). */
export type DbProvider = "sqlite" | "postgresql";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Which database a DATABASE_URL names: `postgresql://` or `postgres://` → PostgreSQL, `file:` → SQLite. */
export function providerOf(url: string): DbProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (POSTGRES_URL.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a SQLite "file:" URL or a PostgreSQL "postgresql://" URL, got "${redactUrl(url)}"`,
  );
}

/** The URL with any password replaced by "***", for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/** Turns a `file:` database URL into an absolute file path (relative paths are taken from the project root). */
export function sqlitePathFromUrl(url: string, root = process.cwd()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for the embedded database, got "${redactUrl(url)}"`);
  }
  const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (file === ":memory:") return file;
  return path.resolve(root, file);
}

/** node-postgres connection settings for a `postgresql://` URL. */
export interface PgConnection {
  host: string;
  port: number;
  user?: string;
  password?: string;
  database: string;
  ssl?: boolean | { rejectUnauthorized: boolean };
}

/**
 * A `postgresql://user:pass@host:port/db?sslmode=…` URL as separate fields. The pg adapter makes its shadow
 * database by overriding `database`, which a `connectionString` would silently win over (node-postgres lets the
 * string override the fields), so the adapters here are always given fields. `host=/path` in the query names a
 * Unix socket folder.
 */
export function pgConnectionFromUrl(url: string): PgConnection {
  if (providerOf(url) !== "postgresql") throw new Error(`not a PostgreSQL URL: "${redactUrl(url)}"`);
  const u = new URL(url);
  const params = u.searchParams;
  const sslmode = params.get("sslmode");
  const conn: PgConnection = {
    host: params.get("host") ?? (decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")) || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
  if (u.username) conn.user = decodeURIComponent(u.username);
  if (u.password) conn.password = decodeURIComponent(u.password);
  if (sslmode === "require" || sslmode === "prefer") conn.ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") conn.ssl = true;
  return conn;
}

/** The same server's URL for another database name (tests make one database per test file). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

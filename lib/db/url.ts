import path from "node:path";

/** Turns a `file:` database URL into an absolute file path (relative paths are taken from the project root). */
export function sqlitePathFromUrl(url: string, root = process.cwd()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for the embedded database, got "${url}"`);
  }
  const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (file === ":memory:") return file;
  return path.resolve(root, file);
}

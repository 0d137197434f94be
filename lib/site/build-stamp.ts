// `npm start` builds the site only when needed: no build yet, or a source file newer than the last build.
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

export async function buildIsStale(root: string): Promise<boolean> {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = (await stat(stamp)).mtimeMs;
  for (const entry of SOURCES) {
    if ((await newestMtime(path.join(root, entry))) > built) return true;
  }
  return false;
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    // Generated code changes on every install and is not a reason to rebuild by itself.
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

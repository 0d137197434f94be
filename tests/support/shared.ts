// The shared material lives beside the project (../shared), never inside it.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const sharedDir = path.resolve(projectRoot, "..", "shared");

/** Absolute path of a folder under ../shared; throws a clear error when the material is missing. */
export function sharedPath(...parts: string[]): string {
  const full = path.join(sharedDir, ...parts);
  if (!existsSync(full)) {
    throw new Error(
      `Missing shared material: ${full}. The tests expect ../shared (seeds/, corpora/) beside the project root.`,
    );
  }
  return full;
}

export function seedFiles(): string[] {
  const dir = sharedPath("seeds");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(dir, f));
}

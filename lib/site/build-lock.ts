// Two starts at once (two terminals, or parallel browser tests) must not both run `next build` into the same
// .next folder. A directory is created atomically, so it serves as a lock; one left by a crashed build is
// taken over after a generous timeout.
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const STALE_LOCK_MS = 15 * 60_000;

export async function withBuildLock<T>(root: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(root, ".next-build.lock");
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { withBuildLock } from "./build-lock";

describe("withBuildLock", () => {
  it("runs one holder at a time and releases the lock even when the holder fails", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "parallax-lock-"));
    const log: string[] = [];
    const holder = (name: string) =>
      withBuildLock(root, async () => {
        log.push(`${name} in`);
        await sleep(50);
        log.push(`${name} out`);
      });
    await Promise.all([holder("a"), holder("b")]);
    // Whichever gets the lock first, the other only starts after it has finished.
    expect(log).toHaveLength(4);
    expect(log[1]).toBe(log[0]!.replace(" in", " out"));
    expect(log[3]).toBe(log[2]!.replace(" in", " out"));
    expect(new Set(log.map((l) => l[0])).size).toBe(2);
    await expect(withBuildLock(root, async () => Promise.reject(new Error("build failed")))).rejects.toThrow(
      "build failed",
    );
    await expect(withBuildLock(root, async () => "free again")).resolves.toBe("free again");
  });
});

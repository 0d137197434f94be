// Every CLI's output must reach a pipe in full: `npm run --silent extract -- big.html | wc -c` printed 65536
// because the CLIs called process.exit() while stdout still queued data for the pipe. tests/cli.test.ts and
// tests/feeds/feeds-check.test.ts read large outputs through pipes; this guards every other script the same way,
// by the one rule that makes it so: a script ends through lib/cli/exit.ts (or by itself), never process.exit().
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./support/shared";

function sources(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

describe("command-line tools", () => {
  it("never end with process.exit(), which drops output still queued for a pipe", () => {
    const offenders = [...sources("scripts"), ...sources("lib")]
      .filter((file) => file !== path.join("lib", "cli", "exit.ts") && !file.startsWith(path.join("lib", "generated")))
      .filter((file) => /\bprocess\.exit\(/.test(readFileSync(path.join(projectRoot, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

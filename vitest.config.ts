import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next enforces "server-only" at build time; in tests every module runs on the server.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    // An unusual, half-hour-offset zone so that code mixing local and UTC time fails loudly.
    env: { TZ: "Asia/Kathmandu" },
    testTimeout: 30_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});

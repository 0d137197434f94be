// Two projects. "sqlite" runs every test, as `npm test` always has. "postgres" runs the database tests a second
// time against PostgreSQL, each file in a fresh database (tests/support/temp-db.ts): it exists only when
// PARALLAX_TEST_PG_URL names a test server where the tests may CREATE DATABASE (.ci/run starts one with
// scripts/ci/start-postgres.sh), so `npm test` on a machine without PostgreSQL runs SQLite alone.
// `npx vitest run --project postgres <files>` runs one side only.
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const resolve = {
  alias: {
    "@": path.resolve(import.meta.dirname),
    // Next enforces "server-only" at build time; in tests every module runs on the server.
    "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
  },
};

// Written out per project: an inline project inherits nothing from this file unless it `extends` it, and
// extending would merge (concatenate) the include lists.
const shared = {
  // An unusual, half-hour-offset zone so that code mixing local and UTC time fails loudly.
  env: { TZ: "Asia/Kathmandu" },
  testTimeout: 30_000,
  hookTimeout: 300_000,
  pool: "forks",
} as const;

/**
 * The test files that store something, run on PostgreSQL too. Not here: the browser tests (tests/e2e,
 * tests/editor-e2e.test.ts), which run a built site once, on SQLite; tests without a database; and, SQLite-only
 * by design: tests/cluster/saved-state.test.ts (the clusterer's index saved in a file beside the SQLite file; on
 * PostgreSQL it is not saved yet).
 */
export const DATABASE_TESTS = [
  "tests/migrations.test.ts",
  "tests/api.test.ts",
  "tests/articles/near-duplicate.test.ts",
  "tests/cluster/assign-event.test.ts",
  "tests/cluster/cluster-lines.test.ts",
  "tests/cluster/generation.test.ts",
  "tests/cluster/merge-pass.test.ts",
  "tests/cluster/recluster.test.ts",
  "tests/compare/api.test.ts",
  "tests/compare/event-view.test.ts",
  "tests/compare/seeds.test.ts",
  "tests/editor-auth.test.ts",
  "tests/editor-curation.test.ts",
  "tests/editor-sources.test.ts",
  "tests/editor-tags.test.ts",
  "tests/feeds-out.test.ts",
  "tests/feeds/poll.test.ts",
  "tests/feeds/scheduler.test.ts",
  "tests/ingest.test.ts",
  "tests/net/robots-ingest.test.ts",
  "tests/search/search.test.ts",
  "tests/sources/default-sources.test.ts",
  "tests/sources/import-export.test.ts",
  "tests/sources/kite-catalogue.test.ts",
  "tests/sources/kite-catalogue-real.test.ts",
  "tests/sources/kite-cli.test.ts",
  "tests/sources/mutations.test.ts",
  "tests/tag-feeds.test.ts",
  "tests/cli.test.ts",
  "tests/editor-cli.test.ts",
  "tests/sources/cli.test.ts",
  "tests/ingest-kill.test.ts",
  "tests/search/data.test.ts",
  "tests/events/page-version.test.ts",
  "tests/events/data.test.ts",
  "tests/events/event-page.test.ts",
  "tests/compare/syndication.test.ts",
  "tests/archive.test.ts",
  // PostgreSQL only: skipped in the sqlite project (no job queue there).
  "tests/jobs/queue.test.ts",
  "tests/jobs/cluster-failover.test.ts",
  "tests/cluster/saved-state-db.test.ts",
];

const projects: TestProjectInlineConfiguration[] = [
  {
    resolve,
    test: {
      ...shared,
      name: "sqlite",
      include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    },
  },
];
if (process.env.PARALLAX_TEST_PG_URL) {
  projects.push({
    resolve,
    test: {
      ...shared,
      name: "postgres",
      include: DATABASE_TESTS,
      env: { ...shared.env, PARALLAX_TEST_DB: "postgres" },
    },
  });
}

export default defineConfig({ test: { projects } });

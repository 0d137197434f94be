// `npm run ingest` killed outright (SIGKILL: no cleanup, no finally) at several moments, then run again, must
// leave every input stored once and clustered: the rerun is the only recovery a user has.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTLETS, STORIES, writeCrashCorpus } from "@/scripts/bench/crash-corpus";
import { createTempDb } from "./support/temp-db";
import { projectRoot } from "./support/shared";

const TSX = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

const INPUTS = STORIES.length * OUTLETS.length;

describe("ingest killed with SIGKILL and run again", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let folder: string;

  beforeAll(async () => {
    t = await createTempDb();
    folder = mkdtempSync(path.join(tmpdir(), "parallax-kill-"));
    writeCrashCorpus(folder);
  });
  afterAll(async () => {
    await t?.cleanup();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const runIngest = () =>
    // Its own process group: the tsx CLI runs the script in a child process, and the kill must reach both.
    spawn(process.execPath, [TSX, "scripts/ingest.ts", folder], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });

  const articleCount = async () => {
    try {
      return await t.db.article.count();
    } catch {
      return -1; // the database is busy with a write: ask again
    }
  };

  /** Runs ingest and SIGKILLs its process group once `ready` says so; resolves with whether it was killed. */
  async function killWhen(ready: (elapsedMs: number) => Promise<boolean>): Promise<boolean> {
    const child = runIngest();
    const exited = exitOf(child);
    const start = Date.now();
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      if (await ready(Date.now() - start)) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // It exited on its own between the check and the kill.
        }
        await exited;
        return true;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  }

  it("stores every input exactly once, each in an event, after kills at different moments", async () => {
    // Moments: during start-up (migrations, clusterer restore), early, mid-run and late in the run.
    const kills = [
      await killWhen(async (ms) => ms > 800),
      await killWhen(async () => (await articleCount()) >= 3),
      await killWhen(async () => (await articleCount()) >= 17),
      await killWhen(async () => (await articleCount()) >= 31),
    ];
    // A kill that came too late (the run finished first) would test nothing.
    expect(kills.slice(1)).toEqual([true, true, true]);

    const final = await exitOf(runIngest(), true);
    expect(final.code, final.output).toBe(0);
    expect(final.output).toMatch(/new: \d+, updated: 0, duplicate: \d+, failed: 0/);

    const articles = await t.db.article.findMany({ select: { id: true, origin: true, contentHash: true, url: true } });
    expect(articles).toHaveLength(INPUTS);
    expect(new Set(articles.map((a) => a.origin)).size).toBe(INPUTS);
    expect(new Set(articles.map((a) => a.contentHash)).size).toBe(INPUTS);
    const urls = articles.map((a) => a.url).filter(Boolean);
    expect(new Set(urls).size).toBe(urls.length);

    // Every article is a member of exactly one event, and every event's counts match its members.
    const memberships = await t.db.eventArticle.findMany({ select: { articleId: true } });
    expect(memberships.map((m) => m.articleId).sort((a, b) => a - b)).toEqual(
      articles.map((a) => a.id).sort((a, b) => a - b),
    );
    const events = await t.db.event.findMany({ include: { _count: { select: { members: true } } } });
    for (const event of events) expect(event.articleCount, `event ${event.id}`).toBe(event._count.members);
    // The outlets' four reports of each story are meant to meet: far fewer events than articles.
    expect(events.length).toBeLessThan(INPUTS / 2);

    // Every article was indexed for near-duplicate detection (its bands written with it, not lost to a kill).
    const banded = await t.db.articleBand.groupBy({ by: ["articleId"], _count: { _all: true } });
    expect(banded).toHaveLength(INPUTS);
    for (const b of banded) expect(b._count._all).toBe(16);

    const again = await exitOf(runIngest(), true);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`new: 0, updated: 0, duplicate: ${INPUTS}, failed: 0`);
    expect(await t.db.article.count()).toBe(INPUTS);
    expect(await t.db.ingestFailure.count()).toBe(0);
  }, 240_000);
});

function exitOf(child: ChildProcess, collect = false): Promise<{ code: number | null; output: string }> {
  let output = "";
  if (collect) {
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

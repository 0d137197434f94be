// `npm run ingest` killed outright (SIGKILL: no cleanup, no finally) at several moments, then run again, must
// leave every input stored once and clustered: the rerun is the only recovery a user has.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb } from "./support/temp-db";
import { projectRoot } from "./support/shared";

const TSX = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

// Ten stories, four outlets each: every file is distinct text, and an outlet's copies of a story should cluster.
const STORIES = [
  [
    "Harbour bridge closes for repairs",
    "the harbour bridge",
    "engineers found cracks in two of the steel supports",
    "the ferry service will add extra crossings",
  ],
  [
    "City council approves new tram line",
    "the eastern tram line",
    "the council voted thirty-one to twelve in favour",
    "construction is due to begin next spring",
  ],
  [
    "Flooding forces evacuation of riverside homes",
    "the river Wend",
    "water rose above the flood wall shortly after midnight",
    "emergency shelters opened in three schools",
  ],
  [
    "Hospital opens new cancer treatment centre",
    "the regional hospital",
    "the centre can treat four hundred patients a week",
    "waiting times are expected to fall by a third",
  ],
  [
    "Teachers vote to strike over pay",
    "the teachers' union",
    "members backed the walkout by a clear majority",
    "schools may close for two days next month",
  ],
  [
    "Wildfire spreads across northern hills",
    "the northern hills",
    "strong winds carried embers across the firebreaks",
    "two villages were told to prepare to leave",
  ],
  [
    "Central bank raises interest rates again",
    "the central bank",
    "the rate rose by a quarter of a point to five percent",
    "mortgage holders face higher monthly payments",
  ],
  [
    "Football club sacks manager after losing run",
    "the football club",
    "the team lost seven of its last nine matches",
    "the assistant coach will take charge on Saturday",
  ],
  [
    "Scientists find new species of frog in rainforest",
    "the rainforest survey",
    "the bright green frog lives only on a single mountain",
    "researchers warn logging threatens its habitat",
  ],
  [
    "Airport strike cancels hundreds of flights",
    "the main airport",
    "baggage handlers walked out over shift changes",
    "passengers were told to check before travelling",
  ],
] as const;

const OUTLETS = [
  {
    name: "Northern Courier",
    opener: "Officials confirmed on Monday that",
    closer: "A spokesperson said more details would follow later in the week.",
  },
  {
    name: "Daily Ledger",
    opener: "In a statement released on Monday morning, officials said",
    closer: "Critics said the announcement had come far too late.",
  },
  {
    name: "Valley Times",
    opener: "Residents learned on Monday that",
    closer: "Local businesses said they were worried about the weeks ahead.",
  },
  {
    name: "Coastal Post",
    opener: "It emerged on Monday that",
    closer: "The opposition called for an independent review of the decision.",
  },
];

function articleText(story: (typeof STORIES)[number], outlet: (typeof OUTLETS)[number], n: number): string {
  const [title, subject, fact, consequence] = story;
  return [
    `${outlet.name}`,
    "",
    `${title} (${outlet.name} report ${n})`,
    "",
    `${outlet.opener} ${fact}, in news that affects everyone who depends on ${subject}.`,
    "",
    `According to people familiar with the matter, ${consequence}. The decision followed weeks of discussion, ` +
      `during which ${subject} was the subject of public meetings, letters to the editor and a petition signed by thousands.`,
    "",
    `"We understand that this is difficult for many people," one official told the ${outlet.name}. ` +
      `"But we have a duty to act on the evidence in front of us, and that is what we are doing."`,
    "",
    `Further updates on ${subject} are expected in the coming days. ${outlet.closer}`,
    "",
  ].join("\n");
}

const INPUTS = STORIES.length * OUTLETS.length;

describe("ingest killed with SIGKILL and run again", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let folder: string;

  beforeAll(async () => {
    t = await createTempDb();
    folder = mkdtempSync(path.join(tmpdir(), "parallax-kill-"));
    let n = 0;
    for (const [s, story] of STORIES.entries()) {
      for (const [o, outlet] of OUTLETS.entries()) {
        n++;
        writeFileSync(
          path.join(folder, `${String(s * OUTLETS.length + o).padStart(3, "0")}-story.txt`),
          articleText(story, outlet, n),
        );
      }
    }
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

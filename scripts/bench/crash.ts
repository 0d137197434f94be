// npm run bench:crash [-- --kills 50 --seed 1]
// SIGKILLs `npm run ingest` (no cleanup, no finally) at random moments of a run over generated inputs, runs it
// again to completion each time, and checks that article, event and membership counts equal an uninterrupted
// run's exactly: the rerun is the only recovery an operator has. Each trial starts from an empty database, so
// that every kill lands in real work (migration, extraction, storage, clustering, comparison).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { writeCrashCorpus } from "./crash-corpus";

const root = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
};
const KILLS = arg("kills", 50);
let seed = arg("seed", 1);
/** mulberry32: a seeded generator, so that a failing campaign can be replayed with --seed. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Counts {
  articles: number;
  events: number;
  memberships: number;
  failures: number;
}

const work = mkdtempSync(path.join(tmpdir(), "parallax-crash-"));
const inputs = path.join(work, "inputs");
mkdirSync(inputs);
const inputCount = writeCrashCorpus(inputs);

function ingest(dbUrl: string): { child: ChildProcess; exit: Promise<{ code: number | null; output: string }> } {
  // Its own process group: the tsx CLI runs the script in a child process, and the kill must reach both.
  const child = spawn(process.execPath, [TSX, "scripts/ingest.ts", inputs], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exit = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
  return { child, exit };
}

async function countsOf(dbUrl: string): Promise<Counts> {
  const db = createDb(dbUrl);
  try {
    return {
      articles: await db.article.count(),
      events: await db.event.count({ where: { mergedIntoId: null } }),
      memberships: await db.eventArticle.count(),
      failures: await db.ingestFailure.count(),
    };
  } finally {
    await db.$disconnect();
  }
}

async function runToCompletion(dbUrl: string) {
  const { exit } = ingest(dbUrl);
  const { code, output } = await exit;
  if (code !== 0) throw new Error(`ingest exited with ${code}:\n${output}`);
}

const freshDb = (name: string) => `file:${path.join(work, `${name}.db`)}`;

try {
  const started = Date.now();
  const baselineUrl = freshDb("baseline");
  await runToCompletion(baselineUrl);
  const runMs = Date.now() - started;
  const expected = await countsOf(baselineUrl);
  console.log(`uninterrupted run: ${inputCount} inputs in ${runMs} ms →`, JSON.stringify(expected));

  const mismatches: string[] = [];
  let killedMidRun = 0;
  for (let i = 0; i < KILLS; i++) {
    const url = freshDb(`trial-${i}`);
    const at = Math.floor(random() * runMs);
    const { child, exit } = ingest(url);
    let exited = false;
    void exit.then(() => (exited = true));
    await new Promise((r) => setTimeout(r, at));
    const finishedFirst = exited;
    if (!finishedFirst) {
      killedMidRun++;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // It exited between the check and the kill.
      }
    }
    await exit;
    const atKill = await countsOf(url).catch(() => null); // a kill during migration may leave no tables yet
    const rerun = await runToCompletion(url).catch((error: Error) => error);
    if (rerun instanceof Error) {
      // The rerun itself failed: the kill left the database in a state the ingester cannot recover from.
      const reason =
        rerun.message.split("\n").find((l) => /Error|error/.test(l) && !l.includes("throw")) ?? rerun.message;
      console.log(`kill ${i + 1}/${KILLS} at ${at} ms: the rerun FAILED: ${reason.trim().slice(0, 300)}`);
      mismatches.push(`kill ${i + 1} at ${at} ms: rerun failed: ${reason.trim().slice(0, 300)}`);
      continue;
    }
    const after = await countsOf(url);
    const same = JSON.stringify(after) === JSON.stringify(expected);
    console.log(
      `kill ${i + 1}/${KILLS} at ${at} ms${finishedFirst ? " (run had finished)" : ""}: ${atKill?.articles ?? "no db"} articles at the kill, after the rerun ${JSON.stringify(after)}${same ? "" : "  MISMATCH"}`,
    );
    if (!same) mismatches.push(`kill ${i + 1} at ${at} ms: ${JSON.stringify(after)}`);
    rmSync(url.slice("file:".length), { force: true });
  }
  console.log(
    `${KILLS} kills (${killedMidRun} mid-run), ${mismatches.length} mismatches; expected ${JSON.stringify(expected)}`,
  );
  if (mismatches.length) {
    console.error(mismatches.join("\n"));
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { moveArticle } from "@/lib/curation/mutations";
import { addArticle, addSource } from "@/tests/support/db-fixtures";
import { createTempDb } from "@/tests/support/temp-db";
import { clusterArticle, saveClusterState } from "@/lib/cluster/assign-event";
import { readGeneration } from "@/lib/cluster/generation";
import { dropSavedState, loadSavedState, stateFileFor } from "@/lib/cluster/saved-state";

/** What a new process does first: load the saved index for the database's current generation. */
const load = async (db: Db, onSkip?: (why: string) => void) =>
  loadSavedState(db, undefined, await readGeneration(db), onSkip);

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
const QUAKE = "A magnitude 6.1 earthquake struck near the coastal city of Varna on Monday, damaging harbour buildings.";
const FINAL = "Rovers beat United 3-1 in the cup final at Northfield stadium, with two goals from striker Lena Okafor.";

describe("the clusterer's index saved beside the database", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  const clients: Db[] = [];
  const client = (url: string) => {
    const db = createDb(url);
    clients.push(db);
    return db;
  };
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTempDb();
    const outlets = await Promise.all(["one", "two", "three"].map((n) => addSource(t.db, n, `${n}.example`)));
    const texts = [
      ["Earthquake hits Varna", QUAKE],
      ["Varna earthquake damages harbour", `Buildings in the harbour were damaged. ${QUAKE}`],
      ["Cup final: Rovers beat United", FINAL],
      ["Okafor double wins the cup for Rovers", `Striker Lena Okafor scored twice. ${FINAL}`],
    ];
    for (const [i, [title, text]] of texts.entries()) {
      const a = await addArticle(t.db, { title, text, sourceId: outlets[i % 3].id, publishedAt: day(2) });
      ids.push(a.id);
      await clusterArticle(t.db, a.id);
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await t?.cleanup();
  });

  it("is written next to the database file and loaded by the next process while it matches", async () => {
    const file = await saveClusterState(t.db);
    expect(file).toBe(`${path.join(t.dir, "test.db")}.cluster-state`);
    expect(existsSync(file!)).toBe(true);
    expect(await saveClusterState(t.db)).toBeNull(); // nothing placed since: nothing to write
    expect(await load(client(t.url))).not.toBeNull();
  });

  it("continues exactly as a rebuild from the stored memberships does", async () => {
    // A copy of the database without the saved index: its clusterer is rebuilt by replaying the memberships.
    const copyUrl = `file:${path.join(t.dir, "copy.db")}`;
    copyFileSync(path.join(t.dir, "test.db"), path.join(t.dir, "copy.db"));
    const replayed = client(copyUrl);
    const loaded = client(t.url);
    const next = [
      { title: "Aftershocks follow Varna earthquake", text: `Aftershocks were felt overnight. ${QUAKE}` },
      { title: "Rovers parade the cup", text: `Fans lined the streets. ${FINAL}` },
    ];
    for (const n of next) {
      const a = await addArticle(loaded, { ...n, publishedAt: day(3) });
      const b = await addArticle(replayed, { ...n, publishedAt: day(3) });
      expect(a.id).toBe(b.id);
      const viaSaved = await clusterArticle(loaded, a.id);
      const viaReplay = await clusterArticle(replayed, b.id);
      expect(viaSaved).toEqual(viaReplay);
      expect(viaSaved.created).toBe(false);
    }
  });

  it("is refused, and the index rebuilt, once the memberships changed after the save", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      // The previous test placed two articles through another client without saving.
      const skipped: string[] = [];
      expect(await load(client(t.url), (why) => skipped.push(why))).toBeNull();
      expect(skipped.join()).toMatch(/saved for another state of the database/);

      const db = client(t.url);
      const rebuilt = await clusterArticle(db, ids[0]); // already a member: answered from the rebuilt index
      expect(rebuilt.created).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^clusterer: rebuilding from the database: /));
      const user = await db.user.create({ data: { email: "ed@example.org", passwordHash: "x", role: "editor" } });
      await addArticle(db, { title: "Varna harbour reopens", text: QUAKE, publishedAt: day(4) }).then((a) =>
        clusterArticle(db, a.id),
      );
      expect(await saveClusterState(db)).not.toBeNull();
      expect(await load(client(t.url))).not.toBeNull();

      // An editor moving an article changes the memberships as surely as a new article does.
      const other = await db.eventArticle.findUniqueOrThrow({ where: { articleId: ids[2] } });
      await moveArticle(db, { articleId: ids[0], toEventId: other.eventId }, user.id);
      expect(await load(client(t.url))).toBeNull();
    } finally {
      warn.mockRestore();
    }
  });

  it("can be dropped, and there is none for a database without a file", async () => {
    await dropSavedState(t.db);
    expect(existsSync(stateFileFor(t.db)!)).toBe(false);
    expect(await load(t.db)).toBeNull();
    expect(stateFileFor(createDb("file::memory:"))).toBeNull();
  });
});

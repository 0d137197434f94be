// The clusterer's index saved in the database on PostgreSQL (lib/cluster/saved-state.ts), where any worker taking
// clustering over reads it: written by one client, loaded by another for the generation it was saved at, refused
// after any later change, and continued from exactly as the rebuild from the stored memberships is.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clusterArticle, saveClusterState } from "@/lib/cluster/assign-event";
import { readGeneration } from "@/lib/cluster/generation";
import { DATABASE_STATE, dropSavedState, loadSavedState } from "@/lib/cluster/saved-state";
import { createDb, type Db } from "@/lib/db";
import { addArticle, addSource } from "@/tests/support/db-fixtures";
import { createTempDb, testingPostgres } from "@/tests/support/temp-db";

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
const QUAKE = "A magnitude 6.1 earthquake struck near the coastal city of Varna on Monday, damaging harbour buildings.";
const FINAL = "Rovers beat United 3-1 in the cup final at Northfield stadium, with two goals from striker Lena Okafor.";

describe.skipIf(!testingPostgres)("the clusterer's index saved in the PostgreSQL database", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  const clients: Db[] = [];
  const client = () => {
    const db = createDb(t.url);
    clients.push(db);
    return db;
  };
  const load = async (db: Db, onSkip?: (why: string) => void) =>
    loadSavedState(db, undefined, await readGeneration(db), onSkip);

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
      await clusterArticle(t.db, a.id);
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await t?.cleanup();
  });

  it("is written to the database and loaded by another client, whole, while it matches", async () => {
    expect(await t.db.clusterStateChunk.count()).toBe(0);
    expect(await saveClusterState(t.db)).toBe(DATABASE_STATE);
    expect(await t.db.clusterStateChunk.count()).toBeGreaterThan(0);
    const loaded = await load(client());
    expect(loaded).not.toBeNull();
    // The same index: its export is byte for byte the saving client's.
    const saver = await load(t.db);
    expect(loaded!.exportState()).toEqual(saver!.exportState());
  });

  it("is continued from exactly as the rebuild from the stored memberships is", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const fromSaved = await load(client());
      expect(fromSaved).not.toBeNull();
      // A client that finds no saved index rebuilds by replaying the memberships.
      const saved = await t.db.clusterStateChunk.findMany();
      await dropSavedState(t.db);
      const article = { title: "Aftershocks follow Varna earthquake", text: `Aftershocks overnight. ${QUAKE}` };
      const replayed = client();
      const a = await addArticle(replayed, { ...article, publishedAt: day(3) });
      const viaReplay = await clusterArticle(replayed, a.id);
      expect(viaReplay.created).toBe(false);
      // The saved index decides the same for the same article.
      const f = fromSaved!.features({ id: String(a.id), ...article, publishedAt: day(3), source: null });
      expect(fromSaved!.assign({ id: String(a.id), ...article, publishedAt: day(3), source: null }, f).eventId).toBe(
        String(viaReplay.eventId),
      );
      expect(saved.length).toBeGreaterThan(0);
    } finally {
      warn.mockRestore();
    }
  });

  it("is refused once the memberships changed after the save, and can be dropped", async () => {
    const db = client();
    const a = await addArticle(db, { title: "Varna harbour reopens", text: QUAKE, publishedAt: day(4) });
    await clusterArticle(db, a.id);
    expect(await saveClusterState(db)).toBe(DATABASE_STATE);
    expect(await load(client())).not.toBeNull();
    const b = await addArticle(t.db, {
      title: "Rovers parade the cup",
      text: `Fans cheered. ${FINAL}`,
      publishedAt: day(4),
    });
    await clusterArticle(client(), b.id);
    const skipped: string[] = [];
    expect(await load(client(), (why) => skipped.push(why))).toBeNull();
    expect(skipped.join()).toMatch(/saved for another state of the database/);
    await dropSavedState(t.db);
    expect(await t.db.clusterStateChunk.count()).toBe(0);
    expect(await load(client())).toBeNull();
  });
});

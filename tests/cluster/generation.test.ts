import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { mergeEvents } from "@/lib/curation/mutations";
import { addArticle, addSource } from "@/tests/support/db-fixtures";
import { createTempDb } from "@/tests/support/temp-db";
import { clusterArticle, saveClusterState } from "@/lib/cluster/assign-event";
import { readGeneration } from "@/lib/cluster/generation";

const QUAKE = "A magnitude 6.1 earthquake struck near the coastal city of Varna on Monday, damaging harbour buildings.";
const FINAL = "Rovers beat United 3-1 in the cup final at Northfield stadium, with two goals from striker Lena Okafor.";
const day = new Date(Date.UTC(2026, 10, 2, 9));

// Two clients on one database stand for two holders of a clusterer: `npm start`'s scheduler and Next's bundle
// (where editors act), or a server and an import running beside it.
describe("membership changes made by another writer", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  let other: Db;
  let quake: number;
  let final: number;

  beforeAll(async () => {
    t = await createTempDb();
    other = createDb(t.url);
    const [one, two] = await Promise.all([
      addSource(t.db, "One", "one.example"),
      addSource(t.db, "Two", "two.example"),
    ]);
    const place = async (title: string, text: string, sourceId: number) =>
      clusterArticle(t.db, (await addArticle(t.db, { title, text, sourceId, publishedAt: day })).id);
    quake = (await place("Earthquake hits Varna", QUAKE, one.id)).eventId;
    await place("Varna earthquake damages harbour", `Buildings were damaged. ${QUAKE}`, two.id);
    final = (await place("Cup final: Rovers beat United", FINAL, one.id)).eventId;
    expect(final).not.toBe(quake);
  });
  afterAll(async () => {
    await other.$disconnect();
    await t?.cleanup();
  });

  it("are counted: every placement and every editor's merge moves the generation", async () => {
    const before = await readGeneration(t.db);
    expect(before).toBeGreaterThanOrEqual(3);
    const user = await other.user.create({ data: { email: "ed@example.org", passwordHash: "x", role: "editor" } });
    // An editor folds the cup final into the earthquake event through the other client.
    await mergeEvents(other, { fromEventId: final, intoEventId: quake }, user.id);
    expect(await readGeneration(t.db)).toBe(before + 1);
  });

  it("are seen before the next placement: no article joins an event that was merged away meanwhile", async () => {
    const next = await addArticle(t.db, {
      title: "Rovers parade the cup",
      text: `Fans lined the streets. ${FINAL}`,
      publishedAt: day,
    });
    const placed = await clusterArticle(t.db, next.id);
    // A stale index still saw the cup final as its own live event and would have put the article in it.
    expect(placed.eventId).not.toBe(final);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: placed.eventId } })).mergedIntoId).toBeNull();
    expect(await t.db.eventArticle.count({ where: { eventId: final } })).toBe(0);
  });

  // The index is saved beside a SQLite file, or in the database on PostgreSQL (lib/cluster/saved-state.ts).
  it("are never hidden in a saved index: a state that missed them is not saved", async () => {
    const next = await addArticle(t.db, { title: "Varna rebuilds its harbour", text: QUAKE, publishedAt: day });
    await clusterArticle(t.db, next.id); // t.db's state is now current and has placed articles
    // Another writer places an article; t.db's state has not seen it.
    const elsewhere = await addArticle(other, {
      title: "Okafor named player of the final",
      text: FINAL,
      publishedAt: day,
    });
    await clusterArticle(other, elsewhere.id);
    expect(await saveClusterState(t.db)).toBeNull();
    expect(await saveClusterState(other)).not.toBeNull();
  });
});

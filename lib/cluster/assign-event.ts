// Binds the in-memory clusterer to the database: an article becomes a member of an Event row, and the event's
// title, dates and counts follow. The clusterer's state lives per process and per client; on first use it is
// loaded from the index saved beside the database when that still matches the memberships (saved-state.ts), else
// rebuilt from the stored Article.features, so a restart never re-reads every text.
import type { Tx } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createClusterer, type Clusterer, type ClustererConfig } from "./clusterer";
import { keyEntities, summarise } from "./event-summary";
import { featuresVersion } from "./features";
import { bumpGeneration, readGeneration } from "./generation";
import { loadSavedState, saveState } from "./saved-state";
import { parseStoredFeatures } from "./stored-features";
import type { ArticleFeatures, ClusterArticle, RestoreEntry } from "./types";

interface State {
  clusterer: Clusterer;
  /** Calls are serialised: each one reads and changes the shared in-memory state. */
  queue: Promise<unknown>;
  /** Articles were placed since the state was loaded or saved. */
  dirty: boolean;
  /** The membership generation (generation.ts) this state reflects. */
  generation: number;
}

const states = new WeakMap<PrismaClient, Promise<State>>();

/**
 * Where a placement's writes go: the client, each change in a transaction of its own, or a transaction the caller
 * already holds (clusterArticles places a whole batch in one).
 */
type Client = PrismaClient | Tx;

function isClient(db: Client): db is PrismaClient {
  return "$transaction" in db;
}

function inTransaction<T>(db: Client, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return isClient(db) ? db.$transaction(fn) : fn(db);
}

/** Drops the cached state for this client, e.g. after events were merged or rebuilt outside this process. */
export function forgetClusterState(db: PrismaClient): void {
  states.delete(db);
}

/** Puts an article into its event (creating the event when none is close enough); idempotent. */
export async function clusterArticle(
  db: PrismaClient,
  articleId: number,
  config?: ClustererConfig,
): Promise<{ eventId: number; created: boolean }> {
  let pending = states.get(db);
  if (!pending) {
    pending = loadState(db, config);
    states.set(db, pending);
    pending.catch(() => states.delete(db));
  }
  const state = await pending;
  const run = state.queue.then(async () => {
    if ((await readGeneration(db)) === state.generation) return clusterOne(db, state, articleId);
    // Another writer changed the memberships since this state was loaded: load it again, then place.
    if (states.get(db) === pending) states.delete(db);
    return null;
  });
  state.queue = run.catch(() => undefined);
  return (await run) ?? clusterArticle(db, articleId, config);
}

/**
 * Places a batch of stored articles in order, all in one transaction (a bulk load pays one commit per batch, not
 * several per article); idempotent. Returns each article's event. On failure nothing of the batch is placed and
 * the in-memory state is rebuilt on the next call.
 */
export async function clusterArticles(
  db: PrismaClient,
  articleIds: number[],
  config?: ClustererConfig,
): Promise<{ articleId: number; eventId: number }[]> {
  let pending = states.get(db);
  if (!pending) {
    pending = loadState(db, config);
    states.set(db, pending);
    pending.catch(() => states.delete(db));
  }
  const state = await pending;
  const run = state.queue.then(async () => {
    if ((await readGeneration(db)) !== state.generation) {
      if (states.get(db) === pending) states.delete(db);
      return null;
    }
    try {
      return await db.$transaction(
        async (tx) => {
          const placed: { articleId: number; eventId: number }[] = [];
          for (const articleId of articleIds) placed.push({ articleId, ...(await clusterOne(tx, state, articleId)) });
          return placed;
        },
        { timeout: 600_000, maxWait: 60_000 },
      );
    } catch (error) {
      // The in-memory state may hold placements the rolled-back transaction does not.
      forgetClusterState(db);
      throw error;
    }
  });
  state.queue = run.catch(() => undefined);
  return (await run) ?? clusterArticles(db, articleIds, config);
}

async function loadState(db: PrismaClient, config?: ClustererConfig): Promise<State> {
  // Read before loading: a change that lands while loading is then seen as a change at the next article.
  const generation = await readGeneration(db);
  return { clusterer: await restoreState(db, config, generation), queue: Promise.resolve(), dirty: false, generation };
}

/**
 * Records the generation this state's own committed change produced; one that skipped a value means another
 * writer slipped in, and the state reloads before the next article.
 */
function noteOwnChange(state: State, generation: number): void {
  state.generation = generation === state.generation + 1 ? generation : -1;
}

/**
 * Saves this client's clusterer beside the database when it placed articles since it was loaded or last saved, so
 * the next process starts from it; returns the file written, or null. Runs in the clustering queue.
 */
export async function saveClusterState(db: PrismaClient): Promise<string | null> {
  const pending = states.get(db);
  if (!pending) return null;
  const state = await pending;
  const run = state.queue.then(async () => {
    if (!state.dirty) return null;
    // A state that missed another writer's change must not be saved as if it held it.
    if ((await readGeneration(db)) !== state.generation) return null;
    const file = await saveState(db, state.clusterer, state.generation);
    if (file === null) return null;
    state.dirty = false;
    return file;
  });
  state.queue = run.catch(() => undefined);
  return run;
}

type ArticleRow = {
  id: number;
  title: string;
  publishedAt: Date | null;
  fetchedAt: Date;
  sourceId: number | null;
  feedId: number | null;
};

function toClusterArticle(a: ArticleRow & { text: string }): ClusterArticle {
  return {
    id: String(a.id),
    title: a.title,
    text: a.text,
    // A feed item without a date was fetched about when it was published; an imported file's fetch time says
    // nothing about its date, so it gets no time decay at all.
    publishedAt: a.publishedAt ?? (a.feedId !== null ? a.fetchedAt : null),
    source: a.sourceId === null ? null : String(a.sourceId),
  };
}

async function clusterOne(db: Client, state: State, articleId: number) {
  const existing = await db.eventArticle.findUnique({ where: { articleId } });
  if (existing) return { eventId: existing.eventId, created: false };
  state.dirty = true;
  const row = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      text: true,
      publishedAt: true,
      fetchedAt: true,
      sourceId: true,
      feedId: true,
      duplicateOfId: true,
    },
  });
  const article = toClusterArticle(row);
  const { clusterer } = state;
  const features = clusterer.features(article);
  // A syndicated copy is the same report: it joins its original's event whatever the similarity says.
  const original =
    row.duplicateOfId === null ? null : await db.eventArticle.findUnique({ where: { articleId: row.duplicateOfId } });
  const { eventId: match, similarity } = original
    ? { eventId: clusterer.resolve(String(original.eventId)), similarity: 1 }
    : clusterer.assign(article, features);
  const target =
    match === null ? null : await db.event.findUnique({ where: { id: Number(match) }, select: { id: true } });
  let generation = 0;
  try {
    const result = await inTransaction(db, async (tx) => {
      await tx.article.update({ where: { id: articleId }, data: { features: JSON.stringify(features) } });
      const seen = row.publishedAt ?? row.fetchedAt;
      const eventId = target
        ? target.id
        : (await tx.event.create({ data: { title: row.title, firstSeenAt: seen, lastSeenAt: seen } })).id;
      await tx.eventArticle.create({ data: { articleId, eventId, similarity: target ? similarity : 1 } });
      generation = await bumpGeneration(tx);
      clusterer.add(article, String(eventId), features);
      await refreshEvent(tx, clusterer, eventId);
      return { eventId, created: !target };
    });
    noteOwnChange(state, generation);
    await mergePass(db, state, result.eventId);
    // Merged into an older event, or split off into a new one: where the article is now.
    const now = Number(clusterer.eventOf(String(articleId)));
    return { eventId: now, created: result.created && now === result.eventId };
  } catch (error) {
    // The in-memory state may now hold an article the database does not: rebuild it on the next call.
    // Inside a caller's transaction the caller does that (clusterArticles).
    if (isClient(db)) forgetClusterState(db);
    throw error;
  }
}

/**
 * The second pass: after an event changed, checks whether its profile now matches another event's closely enough
 * that both are one story (an early article may have started a second event before the first was recognisable).
 * The older event survives with its id; the other keeps its row with `mergedIntoId` set, so its URL redirects.
 */
async function mergePass(db: Client, state: State, eventId: number): Promise<void> {
  const { clusterer } = state;
  let current = eventId;
  for (const pair of clusterer.secondPassPairs(String(current))) {
    const survivor = Number(clusterer.resolve(pair.survivor));
    const other = Number(clusterer.resolve(pair.other));
    if (survivor === other) continue;
    let generation = 0;
    const merged = await inTransaction(db, async (tx) => {
      // An editor decided these events' membership (merged, moved or split them): never merge them automatically.
      // Read inside the transaction, not from memory, so a curation that just happened is seen.
      const curated = await tx.event.count({ where: { id: { in: [survivor, other] }, curatedAt: { not: null } } });
      if (curated > 0) return false;
      await tx.eventArticle.updateMany({ where: { eventId: other }, data: { eventId: survivor } });
      generation = await bumpGeneration(tx);
      await tx.event.updateMany({ where: { mergedIntoId: other }, data: { mergedIntoId: survivor } });
      await tx.event.update({
        where: { id: other },
        data: { mergedIntoId: survivor, articleCount: 0, sourceCount: 0, pinned: false },
      });
      // Tags follow the articles, as they do when an editor merges.
      const kept = new Set((await tx.eventTag.findMany({ where: { eventId: survivor } })).map((t) => t.tagId));
      const moved = (await tx.eventTag.findMany({ where: { eventId: other } })).filter((t) => !kept.has(t.tagId));
      if (moved.length)
        await tx.eventTag.createMany({ data: moved.map((t) => ({ eventId: survivor, tagId: t.tagId })) });
      clusterer.merge(String(survivor), String(other));
      await refreshEvent(tx, clusterer, survivor, true);
      return true;
    });
    if (!merged) continue;
    noteOwnChange(state, generation);
    current = Number(clusterer.resolve(String(current)));
  }
  await splitPass(db, state, current);
}

/**
 * After the merges: when the event has grown to its next check and its members turn out to be two stories (two of
 * one kind, see `splitNcut` in clusterer.ts), the side without its first article moves to a new event. The event
 * keeps its id and URL; the new one gets the tags, which are about the kind of story both are, and stays hidden
 * if the event was.
 */
async function splitPass(db: Client, state: State, eventId: number): Promise<void> {
  const { clusterer } = state;
  const moving = clusterer.splitCandidate(String(eventId));
  if (!moving) return;
  let generation = 0;
  const done = await inTransaction(db, async (tx) => {
    // An editor decided this event's membership: it is never split automatically (as it is never merged).
    const event = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { curatedAt: true, hidden: true, title: true, firstSeenAt: true, lastSeenAt: true },
    });
    if (event.curatedAt !== null) return false;
    const ids = moving.map(Number);
    // Title and dates only hold the row until refreshEvent below sets them from its members. What an editor hid
    // stays hidden in both parts; a pin stays with the event (its id and place on the home page).
    const { title, firstSeenAt, lastSeenAt, hidden } = event;
    const created = await tx.event.create({ data: { title, firstSeenAt, lastSeenAt, hidden } });
    await tx.eventArticle.updateMany({ where: { articleId: { in: ids } }, data: { eventId: created.id } });
    const tags = await tx.eventTag.findMany({ where: { eventId } });
    if (tags.length) await tx.eventTag.createMany({ data: tags.map((t) => ({ eventId: created.id, tagId: t.tagId })) });
    generation = await bumpGeneration(tx);
    clusterer.split(String(eventId), moving, String(created.id));
    await refreshEvent(tx, clusterer, eventId, true);
    await refreshEvent(tx, clusterer, created.id, true);
    return true;
  });
  if (done) noteOwnChange(state, generation);
}

/** Recomputes an event's title, first/last seen, counts and (see `relabel`) summary and entities from its members. */
async function refreshEvent(db: Client, clusterer: Clusterer, eventId: number, merged = false) {
  const members = await db.eventArticle.findMany({
    where: { eventId },
    select: {
      article: { select: { id: true, title: true, publishedAt: true, fetchedAt: true, sourceId: true, feedId: true } },
    },
  });
  const articles: ArticleRow[] = members.map((m) => m.article);
  // The event's span comes from the dates its articles print; fetch times only stand in when none has one.
  const dated = articles.filter((a) => a.publishedAt);
  const times = (dated.length ? dated.map((a) => a.publishedAt!) : articles.map((a) => a.fetchedAt)).map((d) =>
    d.getTime(),
  );
  // An article with no known outlet counts as an outlet of its own.
  const outlets = new Set(articles.map((a) => (a.sourceId === null ? `article:${a.id}` : `source:${a.sourceId}`)));
  const centralId = clusterer.centralArticle(String(eventId));
  const central = articles.find((a) => String(a.id) === centralId) ?? articles[0];
  // A title or summary an editor wrote stays; counts, dates and entities still follow the members.
  const edited = (await db.event.findUnique({ where: { id: eventId }, select: { editedAt: true } }))?.editedAt != null;
  const labels = await relabel(db, eventId, articles, merged);
  if (edited) delete (labels as { summary?: unknown }).summary;
  await db.event.update({
    where: { id: eventId },
    data: {
      ...(edited ? {} : { title: central.title }),
      firstSeenAt: new Date(Math.min(...times)),
      lastSeenAt: new Date(Math.max(...times)),
      articleCount: articles.length,
      sourceCount: outlets.size,
      ...labels,
    },
  });
}

/** Articles read for the summary and entities: an evenly spread sample, so that a large event costs no more. */
const labelSample = 30;

/**
 * The event's summary and key entities, recomputed while it is small and then each time it grew by a tenth (one
 * more article hardly changes what most sources say, and reading the texts is the cost); always after a merge.
 */
async function relabel(db: Client, eventId: number, articles: ArticleRow[], merged: boolean) {
  const n = articles.length;
  const step = (k: number) => Math.floor(Math.log(k) / Math.log(1.1));
  if (!merged && n > 20 && step(n) === step(n - 1)) {
    const { summary } = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { summary: true } });
    if (summary !== null) return {};
  }
  const ids = articles.map((a) => a.id).sort((a, b) => a - b);
  const sample =
    n <= labelSample ? ids : Array.from({ length: labelSample }, (_, i) => ids[Math.floor((i * n) / labelSample)]);
  const texts = await db.article.findMany({
    where: { id: { in: sample } },
    select: { id: true, title: true, text: true, publishedAt: true },
    orderBy: { id: "asc" },
  });
  return { summary: summarise(texts), entities: JSON.stringify(keyEntities(texts)) };
}

/**
 * The saved index when it matches the database; otherwise a clusterer rebuilt from every stored membership,
 * recomputing only features that are missing or stale.
 */
async function restoreState(
  db: PrismaClient,
  config: ClustererConfig | undefined,
  generation: number,
): Promise<Clusterer> {
  const saved = await loadSavedState(db, config, generation, (why) =>
    console.warn(`clusterer: rebuilding from the database: ${why}`),
  );
  if (saved) return saved;
  const clusterer = createClusterer(config);
  const rows = await db.eventArticle.findMany({
    orderBy: [{ joinedAt: "asc" }, { articleId: "asc" }],
    select: {
      eventId: true,
      event: { select: { mergedIntoId: true } },
      article: {
        select: {
          id: true,
          title: true,
          publishedAt: true,
          fetchedAt: true,
          sourceId: true,
          feedId: true,
          features: true,
        },
      },
    },
  });
  const stale = rows.filter((r) => !parseStoredFeatures(r.article.features, featuresVersion)).map((r) => r.article.id);
  const fresh = new Map<number, ArticleFeatures>();
  for (let i = 0; i < stale.length; i += 500) {
    const texts = await db.article.findMany({
      where: { id: { in: stale.slice(i, i + 500) } },
      select: { id: true, title: true, text: true, publishedAt: true, fetchedAt: true, sourceId: true, feedId: true },
    });
    for (const a of texts) {
      const f = clusterer.features(toClusterArticle(a));
      fresh.set(a.id, f);
      await db.article.update({ where: { id: a.id }, data: { features: JSON.stringify(f) } });
    }
  }
  const entries: RestoreEntry[] = rows.map((r) => ({
    articleId: String(r.article.id),
    // Members of a merged event belong, for new arrivals, to the event it was merged into.
    eventId: String(r.event.mergedIntoId ?? r.eventId),
    features: fresh.get(r.article.id) ?? parseStoredFeatures(r.article.features, featuresVersion)!,
    publishedAt: r.article.publishedAt ?? (r.article.feedId !== null ? r.article.fetchedAt : null),
  }));
  clusterer.restore(entries);
  return clusterer;
}

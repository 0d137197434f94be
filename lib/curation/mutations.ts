// Event curation writes. They trust their input (lib/curation/operations.ts validates it and checks who may); each
// writes its audit row in the same transaction as the change. Membership changes (merge, move, split) mark every
// event they touch as curated, so the clusterer leaves those decisions alone, and then drop the clusterer's
// in-memory state so that its next call rebuilds it from the database instead of from the old membership.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forgetClusterState } from "@/lib/cluster/assign-event";
import { bumpGeneration } from "@/lib/cluster/generation";
import { writeAudit } from "@/lib/editor/audit";
import { InputError } from "@/lib/editor/run";
import type {
  EditEventInput,
  HideEventInput,
  MergeEventsInput,
  MoveArticleInput,
  PinEventInput,
  SplitArticlesInput,
} from "./schema";
import { curatedEventFields } from "./event-fields";
import { recomputeEventStats } from "./stats";

/** What the audit log keeps of an event: its editable fields, counts and member article ids. */
export type EventSnapshot = Prisma.EventGetPayload<{ select: typeof curatedEventFields }> & { articleIds: number[] };

async function snapshot(tx: Tx, id: number): Promise<EventSnapshot | null> {
  const row = await tx.event.findUnique({ where: { id }, select: curatedEventFields });
  if (!row) return null;
  const members = await tx.eventArticle.findMany({
    where: { eventId: id },
    select: { articleId: true },
    orderBy: { articleId: "asc" },
  });
  return { ...row, articleIds: members.map((m) => m.articleId) };
}

/** A live event: one that exists and was not merged away (its members now live in the survivor). */
async function liveEvent(tx: Tx, id: number): Promise<EventSnapshot> {
  const event = await snapshot(tx, id);
  if (!event) throw new InputError(`there is no event #${id}`);
  if (event.mergedIntoId !== null)
    throw new InputError(`event #${id} was merged into #${event.mergedIntoId}; edit that one instead`);
  return event;
}

async function afterMembershipChange(db: Db, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } finally {
    // Even after a failure: a rolled-back transaction leaves the database as it was, and rebuilding is only slow.
    forgetClusterState(db);
  }
}

export function editEvent(db: Db, input: EditEventInput, userId: number, now = new Date()): Promise<EventSnapshot> {
  return db.$transaction(async (tx) => {
    const before = await liveEvent(tx, input.eventId);
    await tx.event.update({
      where: { id: before.id },
      data: { title: input.title, summary: input.summary, editedAt: now },
    });
    const after = (await snapshot(tx, before.id))!;
    await writeAudit(tx, { userId, action: "event.edit", entityType: "Event", entityId: before.id, before, after });
    return after;
  });
}

function setFlag(db: Db, eventId: number, field: "pinned" | "hidden", value: boolean, action: string, userId: number) {
  return db.$transaction(async (tx) => {
    const before = await liveEvent(tx, eventId);
    if (before[field] === value) return before; // nothing changes, nothing is logged
    await tx.event.update({ where: { id: eventId }, data: { [field]: value } });
    const after = (await snapshot(tx, eventId))!;
    await writeAudit(tx, { userId, action, entityType: "Event", entityId: eventId, before, after });
    return after;
  });
}

export function pinEvent(db: Db, input: PinEventInput, userId: number): Promise<EventSnapshot> {
  return setFlag(db, input.eventId, "pinned", input.pinned, input.pinned ? "event.pin" : "event.unpin", userId);
}

export function hideEvent(db: Db, input: HideEventInput, userId: number): Promise<EventSnapshot> {
  return setFlag(db, input.eventId, "hidden", input.hidden, input.hidden ? "event.hide" : "event.unhide", userId);
}

/**
 * Merges event `fromEventId` into `intoEventId`: its articles and tags move, it keeps its row with mergedIntoId set
 * (so its URL and feeds redirect), and events earlier merged into it now point at the survivor directly.
 */
export async function mergeEvents(
  db: Db,
  input: MergeEventsInput,
  userId: number,
  now = new Date(),
): Promise<EventSnapshot> {
  let result!: EventSnapshot;
  await afterMembershipChange(db, async () => {
    result = await db.$transaction(async (tx) => {
      const from = await liveEvent(tx, input.fromEventId);
      const into = await liveEvent(tx, input.intoEventId);
      await tx.eventArticle.updateMany({ where: { eventId: from.id }, data: { eventId: into.id } });
      await bumpGeneration(tx);
      await tx.event.updateMany({ where: { mergedIntoId: from.id }, data: { mergedIntoId: into.id } });
      const intoTags = new Set(
        (await tx.eventTag.findMany({ where: { eventId: into.id }, select: { tagId: true } })).map((t) => t.tagId),
      );
      const fromTags = (await tx.eventTag.findMany({ where: { eventId: from.id }, select: { tagId: true } })).map(
        (t) => t.tagId,
      );
      const newTags = fromTags.filter((t) => !intoTags.has(t));
      if (newTags.length) await tx.eventTag.createMany({ data: newTags.map((tagId) => ({ eventId: into.id, tagId })) });
      await tx.event.update({
        where: { id: from.id },
        data: { mergedIntoId: into.id, articleCount: 0, sourceCount: 0, pinned: false, curatedAt: now },
      });
      await tx.event.update({ where: { id: into.id }, data: { curatedAt: now } });
      await recomputeEventStats(tx, into.id);
      const after = { from: (await snapshot(tx, from.id))!, into: (await snapshot(tx, into.id))! };
      await writeAudit(tx, {
        userId,
        action: "event.merge",
        entityType: "Event",
        entityId: into.id,
        before: { from, into },
        after,
      });
      return after.into;
    });
  });
  return result;
}

/** Moves one article from the event it is in to another live event. */
export async function moveArticle(
  db: Db,
  input: MoveArticleInput,
  userId: number,
  now = new Date(),
): Promise<{ from: EventSnapshot; to: EventSnapshot }> {
  let result!: { from: EventSnapshot; to: EventSnapshot };
  await afterMembershipChange(db, async () => {
    result = await db.$transaction(async (tx) => {
      const membership = await tx.eventArticle.findUnique({
        where: { articleId: input.articleId },
        select: { eventId: true },
      });
      if (!membership) throw new InputError(`article #${input.articleId} is not in any event`);
      if (membership.eventId === input.toEventId)
        throw new InputError(`article #${input.articleId} is already in event #${input.toEventId}`);
      const fromBefore = await liveEvent(tx, membership.eventId);
      const toBefore = await liveEvent(tx, input.toEventId);
      await tx.eventArticle.update({ where: { articleId: input.articleId }, data: { eventId: toBefore.id } });
      await bumpGeneration(tx);
      await tx.event.updateMany({ where: { id: { in: [fromBefore.id, toBefore.id] } }, data: { curatedAt: now } });
      await recomputeEventStats(tx, fromBefore.id);
      await recomputeEventStats(tx, toBefore.id);
      const after = { from: (await snapshot(tx, fromBefore.id))!, to: (await snapshot(tx, toBefore.id))! };
      await writeAudit(tx, {
        userId,
        action: "article.move",
        entityType: "Article",
        entityId: input.articleId,
        before: { eventId: fromBefore.id, from: fromBefore, to: toBefore },
        after: { eventId: toBefore.id, ...after },
      });
      return after;
    });
  });
  return result;
}

/** Takes some of an event's articles out into a new event; returns the new event. */
export async function splitArticles(
  db: Db,
  input: SplitArticlesInput,
  userId: number,
  now = new Date(),
): Promise<EventSnapshot> {
  let result!: EventSnapshot;
  await afterMembershipChange(db, async () => {
    result = await db.$transaction(async (tx) => {
      const source = await liveEvent(tx, input.eventId);
      const strangers = input.articleIds.filter((id) => !source.articleIds.includes(id));
      if (strangers.length) throw new InputError(`article #${strangers[0]} is not in event #${source.id}`);
      if (input.articleIds.length === source.articleIds.length)
        throw new InputError("leave at least one article in the event; a split of every article changes nothing");
      const chosen = await tx.article.findMany({
        where: { id: { in: input.articleIds } },
        select: { id: true, title: true, publishedAt: true, fetchedAt: true },
      });
      const earliest = [...chosen].sort(
        (a, b) => (a.publishedAt ?? a.fetchedAt).getTime() - (b.publishedAt ?? b.fetchedAt).getTime() || a.id - b.id,
      )[0]!;
      const seen = earliest.publishedAt ?? earliest.fetchedAt;
      const created = await tx.event.create({
        data: {
          title: input.title ?? earliest.title,
          firstSeenAt: seen,
          lastSeenAt: seen,
          curatedAt: now,
          ...(input.title ? { editedAt: now } : {}),
        },
      });
      await tx.eventArticle.updateMany({
        where: { articleId: { in: input.articleIds } },
        data: { eventId: created.id },
      });
      await bumpGeneration(tx);
      await tx.event.update({ where: { id: source.id }, data: { curatedAt: now } });
      await recomputeEventStats(tx, source.id);
      await recomputeEventStats(tx, created.id);
      const after = { event: (await snapshot(tx, source.id))!, newEvent: (await snapshot(tx, created.id))! };
      await writeAudit(tx, {
        userId,
        action: "event.split",
        entityType: "Event",
        entityId: source.id,
        before: { event: source },
        after,
      });
      return after.newEvent;
    });
  });
  return result;
}

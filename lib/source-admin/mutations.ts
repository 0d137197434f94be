// Outlet and feed writes for the editors' sources page. They trust their input (operations.ts validates it and
// checks who may); each writes its audit row with the entity before and after.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/editor/audit";
import { InputError } from "@/lib/editor/run";
import { findFeed, storeFeed, type AddFeedOptions } from "@/lib/sources/add-feed";
import type { AddFeedInput, EditSourceInput, SetFeedEnabledInput, SetSourceEnabledInput } from "./schema";

const sourceSelect = {
  id: true,
  name: true,
  domain: true,
  country: true,
  language: true,
  kind: true,
  lean: true,
  homepage: true,
  ownership: true,
  enabled: true,
} as const;
const feedSelect = { id: true, url: true, title: true, sourceId: true, enabled: true } as const;

export type SourceSnapshot = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;
export type FeedSnapshot = Prisma.FeedGetPayload<{ select: typeof feedSelect }>;

async function sourceOrFail(tx: Tx, id: number): Promise<SourceSnapshot> {
  const row = await tx.source.findUnique({ where: { id }, select: sourceSelect });
  if (!row) throw new InputError(`there is no outlet #${id}`);
  return row;
}

async function feedOrFail(tx: Tx, id: number): Promise<FeedSnapshot> {
  const row = await tx.feed.findUnique({ where: { id }, select: feedSelect });
  if (!row) throw new InputError(`there is no feed #${id}`);
  return row;
}

export function editSource(db: Db, input: EditSourceInput, userId: number): Promise<SourceSnapshot> {
  return db.$transaction(async (tx) => {
    const before = await sourceOrFail(tx, input.sourceId);
    const { sourceId, ...data } = input;
    const after = await tx.source.update({ where: { id: sourceId }, data, select: sourceSelect });
    await writeAudit(tx, { userId, action: "source.edit", entityType: "Source", entityId: sourceId, before, after });
    return after;
  });
}

/** Switches an outlet's polling on or off (its feeds keep their own flags for when it is switched back on). */
export function setSourceEnabled(db: Db, input: SetSourceEnabledInput, userId: number): Promise<SourceSnapshot> {
  return db.$transaction(async (tx) => {
    const before = await sourceOrFail(tx, input.sourceId);
    if (before.enabled === input.enabled) return before; // nothing changes, nothing is logged
    const after = await tx.source.update({
      where: { id: before.id },
      data: { enabled: input.enabled },
      select: sourceSelect,
    });
    await writeAudit(tx, {
      userId,
      action: input.enabled ? "source.enable" : "source.disable",
      entityType: "Source",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

export function setFeedEnabled(db: Db, input: SetFeedEnabledInput, userId: number): Promise<FeedSnapshot> {
  return db.$transaction(async (tx) => {
    const before = await feedOrFail(tx, input.feedId);
    if (before.enabled === input.enabled) return before; // nothing changes, nothing is logged
    const after = await tx.feed.update({
      where: { id: before.id },
      data: { enabled: input.enabled },
      select: feedSelect,
    });
    await writeAudit(tx, {
      userId,
      action: input.enabled ? "feed.enable" : "feed.disable",
      entityType: "Feed",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Adds a feed through lib/sources/add-feed: the SSRF-checked fetches and autodiscovery run first, outside any
 * transaction (SQLite would hold its write lock for the whole network wait), then the feed, its outlet and the
 * audit row are written in one transaction. The before state of an already-known feed is only captured when the
 * editor typed its exact URL, since discovery decides which feed it is.
 */
export async function addFeed(
  db: Db,
  input: AddFeedInput,
  userId: number,
  opts: Pick<AddFeedOptions, "allowHosts" | "resolve" | "timeoutMs"> = {},
): Promise<{ feed: FeedSnapshot; created: boolean; others: string[] }> {
  let source: string | undefined;
  if (input.sourceId !== undefined) {
    const outlet = await db.source.findUnique({ where: { id: input.sourceId }, select: { domain: true } });
    if (!outlet) throw new InputError(`there is no outlet #${input.sourceId}`);
    source = outlet.domain;
  }
  const found = await findFeed(input.url, opts);
  return db.$transaction(async (tx) => {
    const typed = await tx.feed.findUnique({ where: { url: input.url }, select: feedSelect });
    const result = await storeFeed(tx, found, source);
    const after = await feedOrFail(tx, result.feed.id);
    const before = result.created ? null : typed?.id === after.id ? typed : null;
    await writeAudit(tx, {
      userId,
      action: result.created ? "feed.add" : "feed.readd",
      entityType: "Feed",
      entityId: after.id,
      before,
      after,
    });
    return { feed: after, created: result.created, others: result.others };
  });
}

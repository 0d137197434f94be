// Tag writes. They trust their input (lib/tags/operations.ts validates it and checks who may) and each writes
// its audit row in the same transaction as the change.
import type { Db, Tx } from "@/lib/db";
import { writeAudit } from "@/lib/editor/audit";
import { InputError } from "@/lib/editor/run";
import { slugify, type CreateTagInput, type EventTagInput, type MergeTagsInput, type RenameTagInput } from "./schema";

const tagSelect = { id: true, name: true, slug: true, description: true } as const;
export type TagRow = { id: number; name: string; slug: string; description: string | null };

async function tagOrThrow(tx: Tx, id: number): Promise<TagRow> {
  const tag = await tx.tag.findUnique({ where: { id }, select: tagSelect });
  if (!tag) throw new InputError(`there is no tag #${id}`);
  return tag;
}

async function eventTagIds(tx: Tx, eventId: number): Promise<number[]> {
  const rows = await tx.eventTag.findMany({ where: { eventId }, select: { tagId: true }, orderBy: { tagId: "asc" } });
  return rows.map((r) => r.tagId);
}

/** A live tag always wins over an alias: the tag that now carries `slug` takes it from any old owner. */
function claimSlug(tx: Tx, slug: string) {
  return tx.tagAlias.deleteMany({ where: { slug } });
}

/** Keeps a slug the tag no longer carries answering for it: its page and feeds redirect to the current ones. */
async function keepOldSlug(tx: Tx, tagId: number, oldSlug: string, newSlug: string): Promise<void> {
  await claimSlug(tx, newSlug);
  if (oldSlug !== newSlug)
    await tx.tagAlias.upsert({ where: { slug: oldSlug }, create: { slug: oldSlug, tagId }, update: { tagId } });
}

async function createTagTx(tx: Tx, input: CreateTagInput, userId: number): Promise<TagRow> {
  const slug = slugify(input.name);
  const existing = await tx.tag.findUnique({ where: { slug }, select: { name: true } });
  if (existing) throw new InputError(`a tag named "${existing.name}" already exists`);
  await claimSlug(tx, slug);
  const tag = await tx.tag.create({
    data: { name: input.name, slug, description: input.description },
    select: tagSelect,
  });
  await writeAudit(tx, { userId, action: "tag.create", entityType: "Tag", entityId: tag.id, before: null, after: tag });
  return tag;
}

export function createTag(db: Db, input: CreateTagInput, userId: number): Promise<TagRow> {
  return db.$transaction((tx) => createTagTx(tx, input, userId));
}

export function renameTag(db: Db, input: RenameTagInput, userId: number): Promise<TagRow> {
  return db.$transaction(async (tx) => {
    const before = await tagOrThrow(tx, input.tagId);
    const slug = slugify(input.name);
    const clash = await tx.tag.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (clash && clash.id !== before.id)
      throw new InputError(`a tag named "${clash.name}" already exists; merge the two instead`);
    const after = await tx.tag.update({
      where: { id: before.id },
      data: { name: input.name, slug },
      select: tagSelect,
    });
    await keepOldSlug(tx, after.id, before.slug, slug);
    await writeAudit(tx, { userId, action: "tag.rename", entityType: "Tag", entityId: after.id, before, after });
    return after;
  });
}

/** Moves every event of `fromTagId` to `intoTagId` and deletes the first tag, whose slugs then redirect to the second. */
export function mergeTags(db: Db, input: MergeTagsInput, userId: number): Promise<TagRow> {
  return db.$transaction(async (tx) => {
    const from = await tagOrThrow(tx, input.fromTagId);
    const into = await tagOrThrow(tx, input.intoTagId);
    const fromEvents = (await tx.eventTag.findMany({ where: { tagId: from.id }, select: { eventId: true } })).map(
      (r) => r.eventId,
    );
    const intoEvents = (await tx.eventTag.findMany({ where: { tagId: into.id }, select: { eventId: true } })).map(
      (r) => r.eventId,
    );
    const moved = fromEvents.filter((id) => !intoEvents.includes(id));
    if (moved.length) await tx.eventTag.createMany({ data: moved.map((eventId) => ({ eventId, tagId: into.id })) });
    // Subscribers to the merged tag's feed follow the redirect to the survivor's.
    await tx.tagAlias.updateMany({ where: { tagId: from.id }, data: { tagId: into.id } });
    await tx.tag.delete({ where: { id: from.id } });
    await keepOldSlug(tx, into.id, from.slug, into.slug);
    const after = [...new Set([...intoEvents, ...moved])].sort((a, b) => a - b);
    await writeAudit(tx, {
      userId,
      action: "tag.merge",
      entityType: "Tag",
      entityId: into.id,
      before: {
        from: { ...from, eventIds: fromEvents.sort((a, b) => a - b) },
        into: { ...into, eventIds: intoEvents.sort((a, b) => a - b) },
      },
      after: { into: { ...into, eventIds: after } },
    });
    return into;
  });
}

async function tagEventTx(tx: Tx, input: EventTagInput, userId: number): Promise<void> {
  const event = await tx.event.findUnique({ where: { id: input.eventId }, select: { id: true } });
  if (!event) throw new InputError(`there is no event #${input.eventId}`);
  await tagOrThrow(tx, input.tagId);
  const before = await eventTagIds(tx, event.id);
  if (before.includes(input.tagId)) return;
  await tx.eventTag.create({ data: { eventId: event.id, tagId: input.tagId } });
  const after = await eventTagIds(tx, event.id);
  await writeAudit(tx, {
    userId,
    action: "event.tag",
    entityType: "Event",
    entityId: event.id,
    before: { tagIds: before },
    after: { tagIds: after },
  });
}

export function tagEvent(db: Db, input: EventTagInput, userId: number): Promise<void> {
  return db.$transaction((tx) => tagEventTx(tx, input, userId));
}

/** Tags an event with the tag of this name, creating the tag (audited on its own) when there is none yet. */
export function tagEventByName(db: Db, input: { eventId: number; name: string }, userId: number): Promise<TagRow> {
  return db.$transaction(async (tx) => {
    const existing = await tx.tag.findUnique({ where: { slug: slugify(input.name) }, select: tagSelect });
    const tag = existing ?? (await createTagTx(tx, { name: input.name, description: null }, userId));
    await tagEventTx(tx, { eventId: input.eventId, tagId: tag.id }, userId);
    return tag;
  });
}

export function untagEvent(db: Db, input: EventTagInput, userId: number): Promise<void> {
  return db.$transaction(async (tx) => {
    const before = await eventTagIds(tx, input.eventId);
    if (!before.includes(input.tagId)) return;
    await tx.eventTag.delete({ where: { eventId_tagId: { eventId: input.eventId, tagId: input.tagId } } });
    const after = await eventTagIds(tx, input.eventId);
    await writeAudit(tx, {
      userId,
      action: "event.untag",
      entityType: "Event",
      entityId: input.eventId,
      before: { tagIds: before },
      after: { tagIds: after },
    });
  });
}

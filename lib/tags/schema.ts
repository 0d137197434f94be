import { z } from "zod";
import { plainText } from "@/lib/text/safe-text";

/** A URL- and comparison-friendly form of a name: "Ukraine: peace talks" → "ukraine-peace-talks". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

// Any printable text is allowed (React escapes it on output); invisible and control characters are not, as they
// only hide things (lib/text/safe-text.ts).
export const TagName = plainText("a tag name")
  .min(1, "the tag needs a name")
  .max(80, "a tag name is at most 80 characters")
  .refine((s) => slugify(s).length > 0, "a tag name needs at least one letter or digit");

const Id = z.coerce.number({ error: "not a valid id" }).int("not a valid id").positive("not a valid id");

const Description = plainText("a description")
  .max(500, "a description is at most 500 characters")
  .optional()
  .transform((s) => s || null);

export const CreateTagInput = z.object({ name: TagName, description: Description });
export const RenameTagInput = z.object({ tagId: Id, name: TagName });
export const MergeTagsInput = z
  .object({ fromTagId: Id, intoTagId: Id })
  .refine((v) => v.fromTagId !== v.intoTagId, "a tag cannot be merged into itself");
export const EventTagInput = z.object({ eventId: Id, tagId: Id });
/** Tag an event by name: the tag is created when no tag has that name's slug yet. */
export const TagEventByNameInput = z.object({ eventId: Id, name: TagName });

export type CreateTagInput = z.infer<typeof CreateTagInput>;
export type RenameTagInput = z.infer<typeof RenameTagInput>;
export type MergeTagsInput = z.infer<typeof MergeTagsInput>;
export type EventTagInput = z.infer<typeof EventTagInput>;
export type TagEventByNameInput = z.infer<typeof TagEventByNameInput>;

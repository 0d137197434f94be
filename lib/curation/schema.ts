import { z } from "zod";
import { plainText } from "@/lib/text/safe-text";

const Id = z.coerce
  .number({ error: "not a valid id" })
  .int("not a valid id")
  .positive("not a valid id")
  .max(2_147_483_647, "not a valid id");

// Any printable text is allowed (React and the feeds escape it on output); invisible and control characters only
// hide things (lib/text/safe-text.ts), though a summary may keep its line breaks.
export const EventTitle = plainText("a title")
  .min(1, "the event needs a title")
  .max(300, "a title is at most 300 characters");

const Summary = plainText("a summary", { multiline: true })
  .max(2000, "a summary is at most 2000 characters")
  .optional()
  .transform((s) => s || null);

/** A checkbox or a hidden "true"/"false" field: the form sends the desired state explicitly. */
const Flag = z.enum(["true", "false"], { error: "expected true or false" }).transform((s) => s === "true");

export const EditEventInput = z.object({ eventId: Id, title: EventTitle, summary: Summary });
export const PinEventInput = z.object({ eventId: Id, pinned: Flag });
export const HideEventInput = z.object({ eventId: Id, hidden: Flag });
export const MergeEventsInput = z
  .object({ fromEventId: Id, intoEventId: Id })
  .refine((v) => v.fromEventId !== v.intoEventId, "an event cannot be merged into itself");
export const MoveArticleInput = z.object({ articleId: Id, toEventId: Id });
export const SplitArticlesInput = z.object({
  eventId: Id,
  // One id or many: a form's checkboxes arrive as a repeated field.
  articleIds: z
    .preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(Id))
    .pipe(z.array(z.number()).min(1, "choose at least one article to split off").max(1000, "too many articles"))
    .transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
  // Blank means "use the earliest chosen article's headline".
  title: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), EventTitle.optional()),
});

export type EditEventInput = z.infer<typeof EditEventInput>;
export type PinEventInput = z.infer<typeof PinEventInput>;
export type HideEventInput = z.infer<typeof HideEventInput>;
export type MergeEventsInput = z.infer<typeof MergeEventsInput>;
export type MoveArticleInput = z.infer<typeof MoveArticleInput>;
export type SplitArticlesInput = z.infer<typeof SplitArticlesInput>;

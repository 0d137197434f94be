import { z } from "zod";
import { SourceEntrySchema } from "@/lib/sources/source-list";
import { plainText, urlText } from "@/lib/text/safe-text";

const Id = z.coerce
  .number({ error: "not a valid id" })
  .int("not a valid id")
  .positive("not a valid id")
  .max(2_147_483_647, "not a valid id");

/** A form's empty field means "not set": stored as null rather than as "". */
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

// The vocabularies are the sources file's (lib/sources/source-list.ts), so an edit here cannot store a value that
// sources:export would then write and sources:import refuse.
const KINDS = SourceEntrySchema.in.shape.kind.unwrap().unwrap().options;
const LEANS = SourceEntrySchema.in.shape.lean.unwrap().unwrap().options;

const Name = z
  .string({ error: "the outlet needs a name" })
  .pipe(plainText("a name").min(1, "the outlet needs a name").max(200, "a name is at most 200 characters"));

const Country = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "country must be a two-letter ISO 3166-1 alpha-2 code such as GB")
    .nullable(),
);

const Language = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, "language must be a two-letter ISO 639-1 code such as en")
    .nullable(),
);

const Kind = z.preprocess(blankToNull, z.enum(KINDS, { error: `kind must be one of: ${KINDS.join(", ")}` }).nullable());
const Lean = z.preprocess(blankToNull, z.enum(LEANS, { error: `lean must be one of: ${LEANS.join(", ")}` }).nullable());

/**
 * Only http(s): a javascript: or data: homepage would become a live link on the outlet's pages. No space, control
 * or invisible character either: the URL parser drops some and keeps others, so what is stored and what is shown
 * would differ.
 */
const HttpUrl = (what: string) =>
  urlText(what)
    .max(2000, `${what} is at most 2000 characters`)
    .pipe(z.url({ protocol: /^https?$/, error: `${what} must be an http(s) URL such as https://example.com/` }));

const Homepage = z.preprocess(blankToNull, HttpUrl("the homepage").nullable());

const Ownership = z.preprocess(
  blankToNull,
  plainText("ownership").max(200, "ownership is at most 200 characters").nullable(),
);

const Flag = z.enum(["true", "false"], { error: "expected true or false" }).transform((s) => s === "true");

export const EditSourceInput = z.object({
  sourceId: Id,
  name: Name,
  country: Country,
  language: Language,
  kind: Kind,
  lean: Lean,
  homepage: Homepage,
  ownership: Ownership,
});
export const SetSourceEnabledInput = z.object({ sourceId: Id, enabled: Flag });
export const AddFeedInput = z.object({
  url: z.string({ error: "give the feed's or the site's URL" }).pipe(HttpUrl("the feed URL")),
  // Blank: file the feed under the outlet of the site it comes from.
  sourceId: z.preprocess((v) => (blankToNull(v) === null ? undefined : v), Id.optional()),
});
export const SetFeedEnabledInput = z.object({ feedId: Id, enabled: Flag });

export { KINDS, LEANS };
export type EditSourceInput = z.infer<typeof EditSourceInput>;
export type AddFeedInput = z.infer<typeof AddFeedInput>;
export type SetFeedEnabledInput = z.infer<typeof SetFeedEnabledInput>;
export type SetSourceEnabledInput = z.infer<typeof SetSourceEnabledInput>;

// What every JSON route shares: the id in its URL and the shape of its errors. Neutral ground, so the events and
// the comparison APIs (compare comes before events in the stage order) read them from one place.
import { z } from "zod";

/** A database id as it appears in a URL: decimal digits only, so "1e3", "0x10" or " 7" are not ids. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, "must be a positive integer")
  .transform(Number);

/** Route params of a `[id]` segment. */
export const idParamsSchema = z.object({ id: idParamSchema });

export const apiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

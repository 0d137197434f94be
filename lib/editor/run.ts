// Input the editor can correct: a zod failure becomes an InputError, whose message goes back to the form as ?error=.
import type { z } from "zod";

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(result.error.issues[0]?.message ?? "invalid input");
  return result.data;
}

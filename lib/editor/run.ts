// What every editorial operation shares: validate the input with zod, then run the change in a transaction.
import { z } from "zod";

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

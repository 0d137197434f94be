// One way to read a JSON route's input, in the manner of umami's src/lib/request.ts: parsed with its zod schema,
// or answered 400 with the schema's issues.
import type { z } from "zod";
import { badRequest } from "./response";

export type Parsed<T> = { data: T; error?: undefined } | { data?: undefined; error: Response };

/** `input` (route params, a query string's entries) through `schema`; `error` names what was wrong with it. */
export function parseRequest<S extends z.ZodType>(input: unknown, schema: S, error: string): Parsed<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data } : { error: badRequest(error, parsed.error) };
}

/** A request's query string as a plain object (the last value of a repeated key), for parseRequest. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

// One way to answer a JSON route, in the manner of umami's src/lib/response.ts: handlers never format an error
// by hand, so every error body has the same shape (ApiError).
import type { z } from "zod";
import type { ApiError } from "./schema";

export function json(body: unknown, init?: ResponseInit): Response {
  return Response.json(body, init);
}

/** `{ error }`, with the zod issues (path and message only) when the error is a rejected input. */
function errorResponse(status: number, error: string, zodError?: z.ZodError): Response {
  const body: ApiError = { error };
  if (zodError) {
    body.issues = zodError.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
      message: i.message,
    }));
  }
  return json(body, { status });
}

export function badRequest(error: string, zodError?: z.ZodError): Response {
  return errorResponse(400, error, zodError);
}

export function notFound(error: string): Response {
  return errorResponse(404, error);
}

// The events API's request handling; app/api/** only wires these to routes.
import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { getEvent, isRedirect, listEvents } from "./data";
import { toEventDetailJson, toEventListJson } from "./json";
import { eventParamsSchema, listEventsQuerySchema, type ApiError } from "./schema";

function errorResponse(status: number, error: string, zodError?: z.ZodError): Response {
  const body: ApiError = { error };
  if (zodError) {
    body.issues = zodError.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
      message: i.message,
    }));
  }
  return Response.json(body, { status });
}

/** GET /api/events?limit=&offset= */
export async function handleListEvents(request: Request, db?: Db): Promise<Response> {
  const query = listEventsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse(400, "Invalid query string", query.error);
  const page = await listEvents(query.data, db ?? getDb());
  return Response.json(toEventListJson(page));
}

/** GET /api/events/:id — 308 to the surviving event when this one was merged. */
export async function handleGetEvent(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = eventParamsSchema.safeParse(params);
  if (!parsed.success) return errorResponse(400, "Invalid event id", parsed.error);
  const result = await getEvent(parsed.data.id, db ?? getDb());
  if (!result) return errorResponse(404, "Event not found");
  if (isRedirect(result)) {
    return Response.redirect(new URL(`/api/events/${result.redirectTo}`, request.url), 308);
  }
  return Response.json(toEventDetailJson(result));
}

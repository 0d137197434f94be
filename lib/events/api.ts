// The events API's request handling; app/api/** only wires these to routes.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { parseRequest, queryOf } from "@/lib/http/request";
import { json, notFound } from "@/lib/http/response";
import { getEvent, isRedirect, listEvents } from "./data";
import { toEventDetailJson, toEventListJson } from "./json";
import { eventParamsSchema, listEventsQuerySchema } from "./schema";

/** GET /api/events?limit=&offset= */
export async function handleListEvents(request: Request, db?: Db): Promise<Response> {
  const query = parseRequest(queryOf(request), listEventsQuerySchema, "Invalid query string");
  if (query.error) return query.error;
  const page = await listEvents(query.data, db ?? getDb());
  return json(toEventListJson(page));
}

/** GET /api/events/:id — 308 to the surviving event when this one was merged. */
export async function handleGetEvent(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = parseRequest(params, eventParamsSchema, "Invalid event id");
  if (parsed.error) return parsed.error;
  const result = await getEvent(parsed.data.id, db ?? getDb());
  if (!result) return notFound("Event not found");
  if (isRedirect(result)) {
    return Response.redirect(new URL(`/api/events/${result.redirectTo}`, request.url), 308);
  }
  return json(toEventDetailJson(result));
}

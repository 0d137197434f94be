// GET /api/events/:id/comparison; app/api/** only wires this to the route.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { parseRequest } from "@/lib/http/request";
import { json, notFound } from "@/lib/http/response";
import { idParamsSchema } from "@/lib/http/schema";
import { getComparison } from "./cache";
import { comparisonResponseSchema } from "./schema";

/** 400 for a malformed id, 404 for no such event, 308 to the surviving event of a merge, else the comparison. */
export async function handleGetComparison(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = parseRequest(params, idParamsSchema, "Invalid event id");
  if (parsed.error) return parsed.error;
  const result = await getComparison(db ?? getDb(), parsed.data.id);
  if (!result) return notFound("Event not found");
  if ("redirectTo" in result) {
    return Response.redirect(new URL(`/api/events/${result.redirectTo}/comparison`, request.url), 308);
  }
  return json(comparisonResponseSchema.parse(result));
}

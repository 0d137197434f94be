// GET /api/events/:id/comparison; app/api/** only wires this to the route.
import "server-only";
import { getDb, type Db } from "@/lib/db";
import { eventParamsSchema, type ApiError } from "@/lib/events/schema";
import { getComparison } from "./cache";
import { comparisonResponseSchema } from "./schema";

function errorResponse(status: number, body: ApiError): Response {
  return Response.json(body, { status });
}

/** 400 for a malformed id, 404 for no such event, 308 to the surviving event of a merge, else the comparison. */
export async function handleGetComparison(request: Request, params: unknown, db?: Db): Promise<Response> {
  const parsed = eventParamsSchema.safeParse(params);
  if (!parsed.success) {
    return errorResponse(400, {
      error: "Invalid event id",
      issues: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
        message: i.message,
      })),
    });
  }
  const result = await getComparison(db ?? getDb(), parsed.data.id);
  if (!result) return errorResponse(404, { error: "Event not found" });
  if ("redirectTo" in result) {
    return Response.redirect(new URL(`/api/events/${result.redirectTo}/comparison`, request.url), 308);
  }
  return Response.json(comparisonResponseSchema.parse(result));
}

import { handleGetEvent } from "@/lib/events/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleGetEvent(request, await ctx.params);
}

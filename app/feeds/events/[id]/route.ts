import { handleEventFeed } from "@/lib/syndication/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleEventFeed(request, await ctx.params);
}

import { handleNamedFeed } from "@/lib/syndication/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ feed: string }> }) {
  return handleNamedFeed(request, await ctx.params);
}

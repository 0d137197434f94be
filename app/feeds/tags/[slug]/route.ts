import { handleTagFeed } from "@/lib/syndication/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return handleTagFeed(request, await ctx.params);
}

import { handleSourceFeed } from "@/lib/syndication/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ domain: string }> }) {
  return handleSourceFeed(request, await ctx.params);
}

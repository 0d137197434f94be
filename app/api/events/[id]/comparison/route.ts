import { handleGetComparison } from "@/lib/compare/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleGetComparison(request, await ctx.params);
}

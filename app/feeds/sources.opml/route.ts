import { handleSourcesOpml } from "@/lib/syndication/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleSourcesOpml(request);
}

import { handleListEvents } from "@/lib/events/api";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleListEvents(request);
}

import { getDb } from "@/lib/db";
import { handleLogout } from "@/lib/auth/handlers";

export async function POST(req: Request): Promise<Response> {
  return handleLogout(req, { db: getDb() });
}

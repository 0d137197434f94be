import { getDb } from "@/lib/db";
import { handleLogin } from "@/lib/auth/handlers";
import { loginLimiter } from "@/lib/auth/rate-limit";

export async function POST(req: Request): Promise<Response> {
  return handleLogin(req, { db: getDb(), limiter: loginLimiter() });
}

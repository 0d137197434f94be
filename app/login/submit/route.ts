import { getDb } from "@/lib/db";
import { handleLogin } from "@/lib/auth/handlers";
import { loginLimiter } from "@/lib/auth/rate-limit";
import { getEnv } from "@/lib/env";

export async function POST(req: Request): Promise<Response> {
  return handleLogin(req, { db: getDb(), limiter: loginLimiter(getDb()), trustProxy: getEnv().TRUST_PROXY });
}

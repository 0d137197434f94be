import { getDb } from "@/lib/db";
import { handleLogin } from "@/lib/auth/handlers";
import { loginLimiter } from "@/lib/auth/rate-limit";
import { parseEnv } from "@/lib/env-schema";

export async function POST(req: Request): Promise<Response> {
  return handleLogin(req, { db: getDb(), limiter: loginLimiter(), trustProxy: parseEnv(process.env).TRUST_PROXY });
}
